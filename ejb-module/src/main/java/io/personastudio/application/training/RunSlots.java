package io.personastudio.application.training;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The trainings this node runs, by run and batch execution. A run put back in the queue may be
 * claimed again by this very node while the job of its earlier claim still winds down: the slot
 * then belongs to the new execution, and the old job's end must neither free it nor remove the
 * run's working folder. Not thread-safe: {@link TrainingQueue} serialises the calls.
 */
final class RunSlots {

  /** A run claimed here whose batch job is being started. */
  static final long STARTING = -1L;

  private final Map<UUID, Long> held = new HashMap<>();

  int size() {
    return held.size();
  }

  void claim(UUID runId) {
    held.put(runId, STARTING);
  }

  void started(UUID runId, long execution) {
    held.put(runId, execution);
  }

  /** The job could not start: the claim's slot is free again. */
  void notStarted(UUID runId) {
    held.remove(runId, STARTING);
  }

  /**
   * An execution of the run ended here (or no longer needs its slot). Frees the slot if it is this
   * execution's; returns false when a newer execution of the same run holds it, so that the run's
   * working folder on this node is still in use.
   */
  boolean release(UUID runId, long execution) {
    Long holder = held.get(runId);
    if (holder == null) {
      return true;
    }
    if (holder == execution) {
      held.remove(runId);
      return true;
    }
    return false;
  }
}
