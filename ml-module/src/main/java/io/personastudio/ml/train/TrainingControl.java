package io.personastudio.ml.train;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How a run is steered, apart from what it learns.
 *
 * @param timeBudget stop (with a checkpoint) when this much time has passed; null = no limit
 * @param checkpoint file to resume from if present and to save to; null = no checkpoints
 * @param checkpointEverySteps also save every so many steps (0 = only when stopping)
 * @param progressEverySteps report progress every so many steps
 * @param stopRequested polled every step; true stops the run with a checkpoint
 * @param engine DJL engine name (null = the default engine, MXNet in this build)
 */
public record TrainingControl(
    Duration timeBudget,
    Path checkpoint,
    int checkpointEverySteps,
    int progressEverySteps,
    BooleanSupplier stopRequested,
    String engine) {

  public static TrainingControl defaults() {
    return new TrainingControl(null, null, 0, 20, () -> false, null);
  }

  public TrainingControl withTimeBudget(Duration value) {
    return new TrainingControl(
        value, checkpoint, checkpointEverySteps, progressEverySteps, stopRequested, engine);
  }

  public TrainingControl withCheckpoint(Path value, int everySteps) {
    return new TrainingControl(
        timeBudget, value, everySteps, progressEverySteps, stopRequested, engine);
  }

  public TrainingControl withStopRequested(BooleanSupplier value) {
    return new TrainingControl(
        timeBudget, checkpoint, checkpointEverySteps, progressEverySteps, value, engine);
  }

  public TrainingControl withProgressEvery(int steps) {
    return new TrainingControl(
        timeBudget, checkpoint, checkpointEverySteps, steps, stopRequested, engine);
  }

  public TrainingControl withEngine(String value) {
    return new TrainingControl(
        timeBudget, checkpoint, checkpointEverySteps, progressEverySteps, stopRequested, value);
  }
}
