package io.personastudio.ml.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.personastudio.ml.MlException;
import io.personastudio.ml.model.CharAlphabet;
import io.personastudio.ml.model.CharLstm;
import io.personastudio.ml.model.GeneratorParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the generator with DJL: a character LSTM language model of replies conditioned on the end
 * of the newest context turn (a prefix before a boundary character) and on a speaker flag, so it
 * learns language from every speaker of the chat and the person's voice from the flag. Only the
 * reply characters and the closing boundary carry loss. The LSTM is the engine's fused kernel
 * ({@code NDArrayEx.lstm}: one layer, gates i, f, g, o, a layout MXNet and PyTorch share), about 8x
 * faster than unrolling it step by step; {@link #toJava} turns the weights into the layout {@link
 * CharLstm} evaluates in plain Java (a test checks both agree). Same seed, same data: same weights;
 * parameters, Adam moments and step go into the checkpoint.
 */
public final class GeneratorTrainer {
  static final String WX = "generator.l0_i2h_weight";
  static final String WH = "generator.l0_h2h_weight";
  static final String B = "generator.l0_i2h_bias";
  static final String BH = "generator.l0_h2h_bias";
  static final String WO = "generator.out_weight";
  static final String BO = "generator.out_bias";

  /** One training sequence: characters, where the reply starts, who wrote it. */
  public record Sequence(int[] tokens, int replyStart, boolean person) {}

  /** Outcome: the network (null if stopped before the end), steps and losses. */
  public record Result(
      CharLstm model,
      long steps,
      long totalSteps,
      float[] losses,
      boolean completed,
      Map<String, float[]> parameters) {}

  private final GeneratorParameters g;
  private final long seed;
  private final TrainingControl control;

  public GeneratorTrainer(GeneratorParameters g, long seed, TrainingControl control) {
    this.g = g;
    this.seed = seed;
    this.control = control;
  }

  public static long totalSteps(GeneratorParameters g, int sequences) {
    if (!g.enabled() || sequences < 2) {
      return 0;
    }
    int batch = Math.min(g.batchSize(), sequences);
    return Math.min((long) (sequences / batch) * g.epochs(), g.maxSteps());
  }

  /** Builds the training sequences of (newest context turn, reply, replier is the person). */
  public static List<Sequence> sequences(
      CharAlphabet alphabet,
      List<String> newest,
      List<String> replies,
      List<Boolean> person,
      GeneratorParameters g) {
    List<Sequence> out = new ArrayList<>();
    for (int i = 0; i < replies.size(); i++) {
      if (replies.get(i).isBlank()) {
        continue;
      }
      int[] tokens =
          alphabet.sequence(newest.get(i), replies.get(i), g.prefixChars(), g.maxReplyChars());
      int start = alphabet.prefix(newest.get(i), g.prefixChars()).length + 1;
      out.add(new Sequence(tokens, start, person.get(i)));
    }
    return out;
  }

  /**
   * Runs (or resumes from {@code resume}) the loop.
   *
   * @param deadline value of the control's clock after which the run stops (Long.MAX_VALUE = none)
   * @param listener progress in the generator's own steps
   */
  Result train(
      CharAlphabet alphabet,
      List<Sequence> data,
      TrainingCheckpoint resume,
      long deadline,
      TrainingListener listener,
      TrainingLoop.Saver saver) {
    DjlEnvironment.secure();
    int n = data.size();
    long totalSteps = totalSteps(g, n);
    if (totalSteps == 0) {
      throw new MlException("need at least 2 replies to train the generator, got " + n);
    }
    int batch = Math.min(g.batchSize(), n);
    int v = alphabet.size();
    int hidden = g.hidden();
    TrainingLoop.Start start;
    if (resume != null) {
      start = TrainingLoop.Start.of(resume);
    } else {
      Random init = new Random(seed * 31 + 17);
      Map<String, float[]> initial = new LinkedHashMap<>();
      initial.put(WX, gaussian(init, (v + 1) * 4 * hidden, 0.1f));
      initial.put(WH, gaussian(init, hidden * 4 * hidden, (float) (1 / Math.sqrt(hidden))));
      float[] bias = new float[4 * hidden];
      Arrays.fill(bias, hidden, 2 * hidden, 1f); // forget gate open at the start
      initial.put(B, bias);
      initial.put(BH, new float[4 * hidden]);
      initial.put(WO, gaussian(init, hidden * v, (float) (1 / Math.sqrt(hidden))));
      initial.put(BO, new float[v]);
      start = TrainingLoop.Start.fresh(initial);
    }
    Map<String, Shape> shapes = new LinkedHashMap<>();
    // the engine's fused LSTM layout (MXNet and PyTorch agree for one layer): gates i, f, g, o
    shapes.put(WX, new Shape(4L * hidden, v + 1));
    shapes.put(WH, new Shape(4L * hidden, hidden));
    shapes.put(B, new Shape(4L * hidden));
    shapes.put(BH, new Shape(4L * hidden));
    shapes.put(WO, new Shape(hidden, v));
    shapes.put(BO, new Shape(v));
    TrainingLoop.Plan plan =
        new TrainingLoop.Plan(
            n, batch, totalSteps, epoch -> seed * 1_000_033L + epoch + 7, deadline);
    TrainingLoop.Outcome out =
        new TrainingLoop(control, listener)
            .run(
                plan,
                shapes,
                start,
                new NativeAdam(g.learningRate(), 1f),
                b -> step(b, data, v, hidden),
                saver);
    boolean completed = out.steps() == totalSteps;
    CharLstm model = completed ? toJava(alphabet, hidden, out.parameters()) : null;
    return new Result(model, out.steps(), totalSteps, out.losses(), completed, out.parameters());
  }

  /** The trained weights in the layout {@link CharLstm} evaluates in Java. */
  static CharLstm toJava(CharAlphabet alphabet, int hidden, Map<String, float[]> p) {
    int in = alphabet.size() + 1;
    int g4 = 4 * hidden;
    float[] i2h = p.get(WX);
    float[] h2h = p.get(WH);
    float[] wx = new float[in * g4];
    float[] wh = new float[hidden * g4];
    for (int j = 0; j < g4; j++) {
      for (int r = 0; r < in; r++) {
        wx[r * g4 + j] = i2h[j * in + r];
      }
      for (int k = 0; k < hidden; k++) {
        wh[k * g4 + j] = h2h[j * hidden + k];
      }
    }
    float[] b = p.get(B).clone();
    float[] bh = p.get(BH);
    for (int j = 0; j < g4; j++) {
      b[j] += bh[j];
    }
    return new CharLstm(alphabet, hidden, wx, wh, b, p.get(WO).clone(), p.get(BO).clone());
  }

  /** Logits of every position of one sequence with the engine's LSTM (tests compare with Java). */
  static float[] engineLogits(
      Engine engine,
      CharAlphabet alphabet,
      int hidden,
      Map<String, float[]> p,
      int[] tokens,
      boolean person) {
    int v = alphabet.size();
    int in = v + 1;
    try (NDManager m = engine.newBaseManager()) {
      float[] x = new float[tokens.length * in];
      for (int t = 0; t < tokens.length; t++) {
        x[t * in + tokens[t]] = 1f;
        if (person) {
          x[t * in + v] = 1f;
        }
      }
      NDArray xs = m.create(x, new Shape(tokens.length, 1, in));
      NDList weights =
          new NDList(
              m.create(p.get(WX), new Shape(4L * hidden, in)),
              m.create(p.get(WH), new Shape(4L * hidden, hidden)),
              m.create(p.get(B), new Shape(4L * hidden)),
              m.create(p.get(BH), new Shape(4L * hidden)));
      NDList state = new NDList(m.zeros(new Shape(1, 1, hidden)), m.zeros(new Shape(1, 1, hidden)));
      NDArray out =
          xs.getNDArrayInternal().lstm(xs, state, weights, true, 1, 0, false, false, false).get(0);
      NDArray logits =
          out.reshape(tokens.length, hidden)
              .matMul(m.create(p.get(WO), new Shape(hidden, v)))
              .add(m.create(p.get(BO), new Shape(v)));
      return logits.toFloatArray();
    }
  }

  private static float step(TrainingLoop.Batch step, List<Sequence> data, int v, int hidden) {
    int batch = step.size();
    int[] order = step.order();
    int offset = step.offset();
    Engine engine = step.engine();
    Map<String, NDArray> params = step.params();
    int length = 0;
    for (int b = 0; b < batch; b++) {
      length = Math.max(length, data.get(order[offset + b]).tokens().length - 1);
    }
    int in = v + 1;
    // time-major: row t * batch + b
    float[] x = new float[length * batch * in];
    float[] y = new float[length * batch * v];
    int count = 0;
    for (int b = 0; b < batch; b++) {
      Sequence s = data.get(order[offset + b]);
      int[] tok = s.tokens();
      for (int p = 0; p < length; p++) {
        int row = p * batch + b;
        if (p < tok.length - 1) {
          x[row * in + tok[p]] = 1f;
          if (s.person()) {
            x[row * in + v] = 1f;
          }
          if (p + 1 >= s.replyStart()) {
            y[row * v + tok[p + 1]] = 1f;
            count++;
          }
        }
      }
    }
    NDArray wx = params.get(WX);
    NDArray wh = params.get(WH);
    NDArray bias = params.get(B);
    NDArray bh = params.get(BH);
    NDArray wo = params.get(WO);
    NDArray bo = params.get(BO);
    try (NDManager sm = step.root().newSubManager()) {
      NDArray xs = sm.create(x, new Shape(length, batch, in));
      NDArray ys = sm.create(y, new Shape((long) length * batch, v));
      float loss;
      try (GradientCollector gc = engine.newGradientCollector()) {
        if (!"MXNet".equals(engine.getEngineName())) {
          gc.zeroGradients();
        }
        NDList state =
            new NDList(
                sm.zeros(new Shape(1, batch, hidden)), sm.zeros(new Shape(1, batch, hidden)));
        NDArray out =
            xs.getNDArrayInternal()
                .lstm(xs, state, new NDList(wx, wh, bias, bh), true, 1, 0, true, false, false)
                .get(0);
        NDArray all = out.reshape((long) length * batch, hidden);
        NDArray logits = all.matMul(wo).add(bo);
        NDArray l = logits.logSoftmax(1).mul(ys).sum().div(-Math.max(1, count));
        gc.backward(l);
        loss = l.getFloat();
      }
      for (Map.Entry<String, NDArray> e : params.entrySet()) {
        NDArray grad = e.getValue().getGradient();
        grad.attach(sm);
        step.adam().update(e.getKey(), e.getValue(), grad, step.t());
      }
      return loss;
    }
  }

  private static float[] gaussian(Random random, int n, float std) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian() * std;
    }
    return values;
  }
}
