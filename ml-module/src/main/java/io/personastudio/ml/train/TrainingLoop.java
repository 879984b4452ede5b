package io.personastudio.ml.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.personastudio.ml.MlException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * The one training loop of every DJL network of a persona: parameters and Adam moments resident in
 * native memory, a batch order that depends only on a seed and the epoch (so a resumed run sees the
 * same batches), stop and time-budget checks before every step, progress reports, and checkpoints
 * on the {@link CheckpointSchedule} and when stopped. What a step computes is the network's own.
 */
final class TrainingLoop {
  /** What one step works on: the batch is {@code order[offset .. offset + size)}. */
  record Batch(
      NDManager root,
      Engine engine,
      Map<String, NDArray> params,
      NativeAdam adam,
      long t,
      int[] order,
      int offset,
      int size) {}

  /** One optimisation step; returns its loss. */
  interface Step {
    float run(Batch batch);
  }

  /** Persists the state after {@code step} steps (the owner of the checkpoint file writes it). */
  interface Saver {
    void save(long step, Map<String, float[]> params, NativeAdam adam, float[] losses);
  }

  /**
   * Size and order of a run.
   *
   * @param examples training examples
   * @param batch examples per step
   * @param totalSteps steps of a complete run
   * @param orderSeed seed of an epoch's batch order, from the epoch number
   * @param deadline clock value after which the run stops (Long.MAX_VALUE = none)
   */
  record Plan(
      int examples, int batch, long totalSteps, LongUnaryOperator orderSeed, long deadline) {
    long stepsPerEpoch() {
      return examples / batch;
    }
  }

  /** Where a run starts: step 0 with initial parameters, or a checkpoint's state. */
  record Start(
      long step,
      Map<String, float[]> parameters,
      Map<String, float[]> firstMoments,
      Map<String, float[]> secondMoments,
      float[] losses) {
    static Start fresh(Map<String, float[]> parameters) {
      return new Start(0, parameters, Map.of(), Map.of(), new float[0]);
    }

    static Start of(TrainingCheckpoint cp) {
      return new Start(
          cp.step(), cp.parameters(), cp.firstMoments(), cp.secondMoments(), cp.losses());
    }
  }

  /** Steps done (including those before a resume), their losses and the final parameters. */
  record Outcome(long steps, float[] losses, Map<String, float[]> parameters, Duration elapsed) {}

  private final TrainingControl control;
  private final TrainingListener listener;

  TrainingLoop(TrainingControl control, TrainingListener listener) {
    this.control = control;
    this.listener = listener;
  }

  /** The deadline of a run started at clock value {@code started} under the control's budget. */
  static long deadline(TrainingControl control, long started) {
    return control.timeBudget() == null
        ? Long.MAX_VALUE
        : started + Math.min(control.timeBudget().toNanos(), Long.MAX_VALUE / 4);
  }

  Outcome run(
      Plan plan, Map<String, Shape> shapes, Start start, NativeAdam adam, Step step, Saver saver) {
    long total = plan.totalSteps();
    float[] losses = new float[(int) total];
    long done = start.step();
    System.arraycopy(start.losses(), 0, losses, 0, (int) done);
    long started = control.clock().getAsLong();
    long startStep = done;
    boolean stopped = false;
    CheckpointSchedule schedule = CheckpointSchedule.of(control);
    Engine engine =
        control.engine() == null ? Engine.getInstance() : Engine.getEngine(control.engine());
    int[] order = null;
    long orderEpoch = -1;
    Map<String, float[]> finalParams;
    try (NDManager root = engine.newBaseManager()) {
      Map<String, NDArray> params = new LinkedHashMap<>();
      for (Map.Entry<String, Shape> e : shapes.entrySet()) {
        String name = e.getKey();
        float[] values = start.parameters().get(name);
        if (values == null || values.length != e.getValue().size()) {
          throw new MlException("checkpoint does not match the network (" + name + "); delete it");
        }
        NDArray p = root.create(values, e.getValue());
        p.setRequiresGradient(true);
        params.put(name, p);
        float[] m = start.firstMoments().getOrDefault(name, new float[values.length]);
        float[] v = start.secondMoments().getOrDefault(name, new float[values.length]);
        adam.init(name, root.create(m, e.getValue()), root.create(v, e.getValue()));
      }
      while (done < total) {
        if (control.clock().getAsLong() > plan.deadline()
            || control.stopRequested() != null && control.stopRequested().getAsBoolean()) {
          stopped = true;
          break;
        }
        long epoch = done / plan.stepsPerEpoch();
        if (epoch != orderEpoch) {
          order =
              RelevanceTrainer.permutation(plan.examples(), plan.orderSeed().applyAsLong(epoch));
          orderEpoch = epoch;
        }
        int offset = (int) (done % plan.stepsPerEpoch()) * plan.batch();
        losses[(int) done] =
            step.run(new Batch(root, engine, params, adam, done + 1, order, offset, plan.batch()));
        done++;
        if (control.progressEverySteps() > 0
            && (done % control.progressEverySteps() == 0 || done == total)) {
          report(done, total, losses, startStep, started);
        }
        if (saver != null && schedule.due(done, plan.stepsPerEpoch())) {
          saver.save(done, export(params), adam, Arrays.copyOf(losses, (int) done));
          schedule.saved();
        }
      }
      finalParams = export(params);
      if (stopped && saver != null) {
        saver.save(done, finalParams, adam, Arrays.copyOf(losses, (int) done));
      }
    }
    return new Outcome(
        done,
        Arrays.copyOf(losses, (int) done),
        finalParams,
        Duration.ofNanos(control.clock().getAsLong() - started));
  }

  private void report(long step, long total, float[] losses, long startStep, long started) {
    int from = (int) Math.max(0, step - Math.max(1, control.progressEverySteps()));
    double sum = 0;
    for (int i = from; i < step; i++) {
      sum += losses[i];
    }
    Duration elapsed = Duration.ofNanos(control.clock().getAsLong() - started);
    long done = step - startStep;
    Duration eta = done == 0 ? Duration.ZERO : elapsed.multipliedBy(total - step).dividedBy(done);
    listener.onProgress(
        new TrainingProgress(step, total, (float) (sum / (step - from)), elapsed, eta));
  }

  private static Map<String, float[]> export(Map<String, NDArray> params) {
    Map<String, float[]> out = new LinkedHashMap<>();
    params.forEach((k, a) -> out.put(k, a.toFloatArray()));
    return out;
  }
}
