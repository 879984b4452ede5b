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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
    int stepsPerEpoch = n / batch;
    long totalSteps = (long) stepsPerEpoch * h.epochs();
    long fingerprint = fingerprint(dataFingerprint, vocabularySize, n);
    int dim = h.dim();

    Map<String, float[]> initial = new LinkedHashMap<>();
    Map<String, float[]> firstMoments = new LinkedHashMap<>();
    Map<String, float[]> secondMoments = new LinkedHashMap<>();
    float[] losses = new float[(int) totalSteps];
    long step = 0;
    if (control.checkpoint() != null && Files.exists(control.checkpoint())) {
      TrainingCheckpoint cp = TrainingCheckpoint.read(control.checkpoint());
      if (cp.fingerprint() != fingerprint) {
        throw new MlException(
            control.checkpoint()
                + ": checkpoint belongs to other data or hyper-parameters; delete it to restart");
      }
      initial.putAll(cp.parameters());
      firstMoments.putAll(cp.firstMoments());
      secondMoments.putAll(cp.secondMoments());
      step = cp.step();
      System.arraycopy(cp.losses(), 0, losses, 0, (int) step);
    } else {
      Random init = new Random(h.seed());
      initial.put(CONTEXT, gaussian(init, vocabularySize * dim, 0.1f));
      initial.put(REPLY, gaussian(init, vocabularySize * dim, 0.1f));
    }

    long started = System.nanoTime();
    long startStep = step;
    boolean stopped = false;
    Engine engine =
        control.engine() == null ? Engine.getInstance() : Engine.getEngine(control.engine());
    int[] order = null;
    long orderEpoch = -1;
    Map<String, float[]> finalParams;
    try (NDManager root = engine.newBaseManager()) {
      Shape shape = new Shape(vocabularySize, dim);
      Map<String, NDArray> params = new LinkedHashMap<>();
      NativeAdam adam = new NativeAdam(h.learningRate());
      for (Map.Entry<String, float[]> e : initial.entrySet()) {
        NDArray p = root.create(e.getValue(), shape);
        p.setRequiresGradient(true);
        params.put(e.getKey(), p);
        float[] m = firstMoments.getOrDefault(e.getKey(), new float[e.getValue().length]);
        float[] v = secondMoments.getOrDefault(e.getKey(), new float[e.getValue().length]);
        adam.init(e.getKey(), root.create(m, shape), root.create(v, shape));
      }
      while (step < totalSteps) {
        if (shouldStop(started)) {
          stopped = true;
          break;
        }
        long epoch = step / stepsPerEpoch;
        if (epoch != orderEpoch) {
          order = permutation(n, h.seed() * 1_000_003L + epoch);
          orderEpoch = epoch;
        }
        int offset = (int) (step % stepsPerEpoch) * batch;
        losses[(int) step] =
            step(
                root,
                engine,
                params,
                adam,
                step + 1,
                order,
                offset,
                batch,
                contexts,
                replies,
                vocabularySize);
        step++;
        if (control.progressEverySteps() > 0
            && (step % control.progressEverySteps() == 0 || step == totalSteps)) {
          report(step, totalSteps, losses, startStep, started);
        }
        if (control.checkpoint() != null
            && control.checkpointEverySteps() > 0
            && step % control.checkpointEverySteps() == 0) {
          checkpoint(fingerprint, step, params, adam, losses);
        }
      }
      if (stopped && control.checkpoint() != null) {
        checkpoint(fingerprint, step, params, adam, losses);
      }
      finalParams = export(params);
    }
    return new EncoderTrainingResult(
        finalParams.get(CONTEXT),
        finalParams.get(REPLY),
        step,
        totalSteps,
        Arrays.copyOf(losses, (int) step),
        step == totalSteps,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private static Map<String, float[]> export(Map<String, NDArray> params) {
    Map<String, float[]> out = new LinkedHashMap<>();
    params.forEach((k, a) -> out.put(k, a.toFloatArray()));
    return out;
  }

  private boolean shouldStop(long started) {
    if (control.stopRequested() != null && control.stopRequested().getAsBoolean()) {
      return true;
    }
    return control.timeBudget() != null
        && System.nanoTime() - started > control.timeBudget().toNanos();
  }

  private float step(
      NDManager root,
      Engine engine,
      Map<String, NDArray> params,
      NativeAdam adam,
      long t,
      int[] order,
      int offset,
      int batch,
      List<SparseVector> contexts,
      List<SparseVector> replies,
      int vocab) {
    float[] xc = new float[batch * vocab];
    float[] xr = new float[batch * vocab];
    for (int b = 0; b < batch; b++) {
      fill(xc, b * vocab, contexts.get(order[offset + b]));
      fill(xr, b * vocab, replies.get(order[offset + b]));
    }
    NDArray wc = params.get(CONTEXT);
    NDArray wr = params.get(REPLY);
    try (NDManager sm = root.newSubManager()) {
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

  private void report(long step, long total, float[] losses, long startStep, long started) {
    int from = (int) Math.max(0, step - Math.max(1, control.progressEverySteps()));
    double sum = 0;
    for (int i = from; i < step; i++) {
      sum += losses[i];
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    long done = step - startStep;
    Duration eta = done == 0 ? Duration.ZERO : elapsed.multipliedBy(total - step).dividedBy(done);
    listener.onProgress(
        new TrainingProgress(step, total, (float) (sum / (step - from)), elapsed, eta));
  }

  private void checkpoint(
      long fingerprint, long step, Map<String, NDArray> params, NativeAdam adam, float[] losses) {
    new TrainingCheckpoint(
            fingerprint,
            step,
            export(params),
            adam.exportFirst(),
            adam.exportSecond(),
            Arrays.copyOf(losses, (int) step))
        .write(control.checkpoint());
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
