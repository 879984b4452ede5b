package io.personastudio.ml.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.personastudio.ml.model.Hyperparameters;
import io.personastudio.ml.text.SparseVector;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the training loop against a bare DJL loop of the same network: parameters resident in
 * native memory with gradients attached and DJL's stock Adam, no checkpointable state. The ratio is
 * the price of exact resume (parameters and Adam moments kept in Java between steps).
 */
public final class LoopBenchmark {
  /** Steps per second of both loops over the same batches. */
  public record Result(long steps, double ownStepsPerSecond, double bareStepsPerSecond) {
    public double ratio() {
      return ownStepsPerSecond / bareStepsPerSecond;
    }
  }

  private LoopBenchmark() {}

  public static Result run(
      Hyperparameters h,
      int vocab,
      List<SparseVector> contexts,
      List<SparseVector> replies,
      int steps) {
    DjlEnvironment.secure();
    bare(h, vocab, contexts, replies, Math.min(steps, 50)); // warm up engine, MKL and JIT
    AtomicLong polls = new AtomicLong();
    long t0 = System.nanoTime();
    EncoderTrainingResult own =
        new RelevanceTrainer(
                h.withEpochs(1000),
                TrainingControl.defaults()
                    .withProgressEvery(0)
                    .withStopRequested(() -> polls.incrementAndGet() > steps),
                TrainingListener.NONE)
            .train(vocab, contexts, replies, 0L);
    double ownSeconds = (System.nanoTime() - t0) / 1e9;
    double bareSeconds = bare(h, vocab, contexts, replies, (int) own.steps());
    return new Result(own.steps(), own.steps() / ownSeconds, own.steps() / bareSeconds);
  }

  private static double bare(
      Hyperparameters h,
      int vocab,
      List<SparseVector> contexts,
      List<SparseVector> replies,
      int steps) {
    Engine engine = Engine.getInstance();
    int n = contexts.size();
    int batch = Math.min(h.batchSize(), n);
    int perEpoch = n / batch;
    Optimizer adam =
        Optimizer.adam().optLearningRateTracker(Tracker.fixed(h.learningRate())).build();
    Random init = new Random(h.seed());
    long t0 = System.nanoTime();
    try (NDManager root = engine.newBaseManager()) {
      NDArray wc = root.create(gaussian(init, vocab * h.dim()), new Shape(vocab, h.dim()));
      NDArray wr = root.create(gaussian(init, vocab * h.dim()), new Shape(vocab, h.dim()));
      wc.setRequiresGradient(true);
      wr.setRequiresGradient(true);
      int[] order = null;
      for (int step = 0; step < steps; step++) {
        if (step % perEpoch == 0) {
          order = RelevanceTrainer.permutation(n, h.seed() * 1_000_003L + step / perEpoch);
        }
        int offset = (step % perEpoch) * batch;
        float[] xc = new float[batch * vocab];
        float[] xr = new float[batch * vocab];
        for (int b = 0; b < batch; b++) {
          fill(xc, b * vocab, contexts.get(order[offset + b]));
          fill(xr, b * vocab, replies.get(order[offset + b]));
        }
        try (NDManager sm = root.newSubManager()) {
          NDArray ctx = sm.create(xc, new Shape(batch, vocab));
          NDArray rep = sm.create(xr, new Shape(batch, vocab));
          NDArray eye = sm.eye(batch);
          try (GradientCollector gc = engine.newGradientCollector()) {
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
            l.getFloat();
          }
          NDArray gcArr = wc.getGradient();
          NDArray grArr = wr.getGradient();
          gcArr.attach(sm);
          grArr.attach(sm);
          adam.update("context.weight", wc, gcArr);
          adam.update("reply.weight", wr, grArr);
        }
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private static NDArray normalize(NDArray e) {
    return e.div(e.square().sum(new int[] {1}, true).add(1e-12f).sqrt());
  }

  private static void fill(float[] dense, int offset, SparseVector v) {
    for (int k = 0; k < v.indices().length; k++) {
      dense[offset + v.indices()[k]] = v.values()[k];
    }
  }

  private static float[] gaussian(Random random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian() * 0.1f;
    }
    return values;
  }
}
