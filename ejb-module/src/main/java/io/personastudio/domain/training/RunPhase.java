package io.personastudio.domain.training;

/** What a running training is doing now, in the order it does it. */
public enum RunPhase {
  QUEUED,
  IMPORT,
  TRAIN,
  PUBLISH,
  DONE
}
