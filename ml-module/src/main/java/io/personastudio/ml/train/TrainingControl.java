package io.personastudio.ml.train;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * How a run is steered, apart from what it learns.
 *
 * @param timeBudget stop (with a checkpoint) when this much time has passed; null = no limit
 * @param checkpoint file to resume from if present and to save to; null = no checkpoints
 * @param checkpointEverySteps also save every so many steps (0 = no step trigger)
 * @param checkpointInterval also save when this much time has passed since the last save (null = no
 *     time trigger); a checkpoint is written at the end of every epoch in any case
 * @param progressEverySteps report progress every so many steps
 * @param stopRequested polled every step; true stops the run with a checkpoint
 * @param engine DJL engine name (null = the default engine, MXNet in this build)
 * @param clock monotonic nanoseconds for the budget, the time trigger and progress (tests inject
 *     one)
 */
public record TrainingControl(
    Duration timeBudget,
    Path checkpoint,
    int checkpointEverySteps,
    Duration checkpointInterval,
    int progressEverySteps,
    BooleanSupplier stopRequested,
    String engine,
    LongSupplier clock) {

  /** Default time trigger: a stopped worker loses at most about a minute of training. */
  public static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(60);

  public static TrainingControl defaults() {
    return new TrainingControl(
        null, null, 0, CHECKPOINT_INTERVAL, 20, () -> false, null, System::nanoTime);
  }

  public TrainingControl withTimeBudget(Duration value) {
    return with(b -> b.timeBudget = value);
  }

  public TrainingControl withCheckpoint(Path value, int everySteps) {
    return with(
        b -> {
          b.checkpoint = value;
          b.checkpointEverySteps = everySteps;
        });
  }

  public TrainingControl withCheckpointInterval(Duration value) {
    return with(b -> b.checkpointInterval = value);
  }

  public TrainingControl withStopRequested(BooleanSupplier value) {
    return with(b -> b.stopRequested = value);
  }

  public TrainingControl withProgressEvery(int steps) {
    return with(b -> b.progressEverySteps = steps);
  }

  public TrainingControl withEngine(String value) {
    return with(b -> b.engine = value);
  }

  public TrainingControl withClock(LongSupplier value) {
    return with(b -> b.clock = value);
  }

  /** The one way a changed copy is made. */
  private TrainingControl with(Consumer<Builder> change) {
    Builder b = new Builder(this);
    change.accept(b);
    return new TrainingControl(
        b.timeBudget,
        b.checkpoint,
        b.checkpointEverySteps,
        b.checkpointInterval,
        b.progressEverySteps,
        b.stopRequested,
        b.engine,
        b.clock);
  }

  private static final class Builder {
    Duration timeBudget;
    Path checkpoint;
    int checkpointEverySteps;
    Duration checkpointInterval;
    int progressEverySteps;
    BooleanSupplier stopRequested;
    String engine;
    LongSupplier clock;

    Builder(TrainingControl c) {
      timeBudget = c.timeBudget;
      checkpoint = c.checkpoint;
      checkpointEverySteps = c.checkpointEverySteps;
      checkpointInterval = c.checkpointInterval;
      progressEverySteps = c.progressEverySteps;
      stopRequested = c.stopRequested;
      engine = c.engine;
      clock = c.clock;
    }
  }
}
