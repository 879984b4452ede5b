package io.personastudio.ml.train;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When a running loop saves: every so many steps, at the end of every epoch, and when the time
 * since the last save reaches the interval. The clock is injected so the time trigger is tested
 * without waiting. Saving never changes what is learnt, so any schedule resumes exactly.
 */
final class CheckpointSchedule {
  private final int everySteps;
  private final long intervalNanos;
  private final LongSupplier clock;
  private long lastSave;

  CheckpointSchedule(int everySteps, Duration interval, LongSupplier clock) {
    this.everySteps = everySteps;
    this.intervalNanos = interval == null ? Long.MAX_VALUE : Math.max(0, interval.toNanos());
    this.clock = clock;
    this.lastSave = clock.getAsLong();
  }

  static CheckpointSchedule of(TrainingControl control) {
    return new CheckpointSchedule(
        control.checkpointEverySteps(), control.checkpointInterval(), control.clock());
  }

  /** True if the state after {@code step} (1-based count of steps done) should be saved now. */
  boolean due(long step, long stepsPerEpoch) {
    return everySteps > 0 && step % everySteps == 0
        || stepsPerEpoch > 0 && step % stepsPerEpoch == 0
        || clock.getAsLong() - lastSave >= intervalNanos;
  }

  /** Restarts the time trigger after a save. */
  void saved() {
    lastSave = clock.getAsLong();
  }
}
