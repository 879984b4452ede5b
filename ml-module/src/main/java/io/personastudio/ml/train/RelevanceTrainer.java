package io.personastudio.ml.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.personastudio.ml.MlException;
import io.personastudio.ml.model.Hyperparameters;
import io.personastudio.ml.text.SparseVector;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the relevance dual encoder with DJL on all (context, reply) pairs of a chat: contexts and
 * replies are projected from TF-IDF space, L2-normalised, and each context must pick its own reply
 * among the batch's replies (symmetric in-batch softmax). Parameters and Adam moments stay in
 * native memory and are exported by name for checkpoints; every step's temporaries live in its own
 * {@link NDManager} so native memory stays flat. The batch order depends only on the seed and the
 * epoch, which makes resume exact.
 */
public final class RelevanceTrainer {
  static final String CONTEXT = "context.weight";
  static final String REPLY = "reply.weight";

  private final Hyperparameters h;
  private final TrainingControl control;
  private final TrainingListener listener;

  public RelevanceTrainer(Hyperparameters h, TrainingControl control, TrainingListener listener) {
    this.h = h;
    this.control = control;
    this.listener = listener;
  }

  /**
   * Runs (or resumes) training.
   *
   * @param vocabularySize input dimension
   * @param contexts TF-IDF vectors of contexts
   * @param replies TF-IDF vectors of the matching replies
   * @param dataFingerprint identifies vocabulary and data, stored in checkpoints
   */
  public EncoderTrainingResult train(
      int vocabularySize,
      List<SparseVector> contexts,
      List<SparseVector> replies,
      long dataFingerprint) {
    DjlEnvironment.secure();
    int n = contexts.size();
    if (n < 2) {
      throw new MlException("need at least 2 (context, reply) pairs to train, got " + n);
    }
    int batch = Math.min(h.batchSize(), n);
    long totalSteps = totalSteps(h, n);
    long fingerprint = fingerprint(dataFingerprint, vocabularySize, n);
    int dim = h.dim();

    TrainingLoop.Start start;
    if (control.checkpoint() != null && Files.exists(control.checkpoint())) {
      TrainingCheckpoint cp = TrainingCheckpoint.read(control.checkpoint());
      if (cp.fingerprint() != fingerprint) {
        throw new MlException(
            control.checkpoint()
                + ": checkpoint belongs to other data or hyper-parameters; delete it to restart");
      }
      start = TrainingLoop.Start.of(cp);
    } else {
      Random init = new Random(h.seed());
      Map<String, float[]> initial = new LinkedHashMap<>();
      initial.put(CONTEXT, gaussian(init, vocabularySize * dim, 0.1f));
      initial.put(REPLY, gaussian(init, vocabularySize * dim, 0.1f));
      start = TrainingLoop.Start.fresh(initial);
    }
    Shape shape = new Shape(vocabularySize, dim);
    Map<String, Shape> shapes = new LinkedHashMap<>();
    shapes.put(CONTEXT, shape);
    shapes.put(REPLY, shape);
    TrainingLoop.Plan plan =
        new TrainingLoop.Plan(
            n,
            batch,
            totalSteps,
            epoch -> h.seed() * 1_000_003L + epoch,
            TrainingLoop.deadline(control, control.clock().getAsLong()));
    TrainingLoop.Saver saver =
        control.checkpoint() == null
            ? null
            : (step, params, adam, losses) ->
                new TrainingCheckpoint(
                        fingerprint, step, params, adam.exportFirst(), adam.exportSecond(), losses)
                    .write(control.checkpoint());
    TrainingLoop.Outcome out =
        new TrainingLoop(control, listener)
            .run(
                plan,
                shapes,
                start,
                new NativeAdam(h.learningRate()),
                b -> step(b, contexts, replies, vocabularySize),
                saver);
    return new EncoderTrainingResult(
        out.parameters().get(CONTEXT),
        out.parameters().get(REPLY),
        out.steps(),
        totalSteps,
        out.losses(),
        out.steps() == totalSteps,
        out.elapsed());
  }

  private float step(
      TrainingLoop.Batch b, List<SparseVector> contexts, List<SparseVector> replies, int vocab) {
    int batch = b.size();
    int[] order = b.order();
    int offset = b.offset();
    Engine engine = b.engine();
    NativeAdam adam = b.adam();
    long t = b.t();
    float[] xc = new float[batch * vocab];
    float[] xr = new float[batch * vocab];
    for (int i = 0; i < batch; i++) {
      fill(xc, i * vocab, contexts.get(order[offset + i]));
      fill(xr, i * vocab, replies.get(order[offset + i]));
    }
    NDArray wc = b.params().get(CONTEXT);
    NDArray wr = b.params().get(REPLY);
    try (NDManager sm = b.root().newSubManager()) {
      NDArray ctx = sm.create(xc, new Shape(batch, vocab));
      NDArray rep = sm.create(xr, new Shape(batch, vocab));
      NDArray eye = sm.eye(batch);
      float loss;
      try (GradientCollector gc = engine.newGradientCollector()) {
        if (!"MXNet".equals(engine.getEngineName())) {
          gc.zeroGradients(); // MXNet overwrites gradients; others (PyTorch) accumulate them
        }
        NDArray ec = normalize(ctx.matMul(wc));
        NDArray er = normalize(rep.matMul(wr));
        NDArray logits = ec.matMul(er.transpose()).mul(h.scale());
        NDArray l =
            logits
                .logSoftmax(1)
                .mul(eye)
                .sum()
                .add(logits.logSoftmax(0).mul(eye).sum())
                .div(-2f * batch);
        gc.backward(l);
        loss = l.getFloat();
      }
      NDArray gradC = wc.getGradient();
      NDArray gradR = wr.getGradient();
      gradC.attach(sm);
      gradR.attach(sm);
      adam.update(CONTEXT, wc, gradC, t);
      adam.update(REPLY, wr, gradR, t);
      return loss;
    }
  }

  private static NDArray normalize(NDArray e) {
    return e.div(e.square().sum(new int[] {1}, true).add(1e-12f).sqrt());
  }

  private static void fill(float[] dense, int offset, SparseVector v) {
    int[] idx = v.indices();
    float[] val = v.values();
    for (int k = 0; k < idx.length; k++) {
      dense[offset + idx[k]] = val[k];
    }
  }

  private long fingerprint(long data, int vocab, int n) {
    return ((data * 31 + vocab) * 31 + n) * 31 + h.hashCode();
  }

  private static float[] gaussian(Random random, int n, float std) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian() * std;
    }
    return values;
  }

  /** Steps of a complete run on n pairs. */
  public static long totalSteps(Hyperparameters h, int n) {
    if (n < 2) {
      return 0;
    }
    int batch = Math.min(h.batchSize(), n);
    return (long) (n / batch) * h.epochs();
  }

  static int[] permutation(int n, long seed) {
    List<Integer> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(i);
    }
    Collections.shuffle(list, new Random(seed));
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
