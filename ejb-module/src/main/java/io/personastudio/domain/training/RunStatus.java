package io.personastudio.domain.training;

/** The life of a training run. */
public enum RunStatus {
  QUEUED,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED;

  public boolean finished() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
