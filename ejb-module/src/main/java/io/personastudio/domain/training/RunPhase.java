package io.personastudio.domain.training;

/** What a running training is doing now, in the order it does it. */
public enum RunPhase {
  QUEUED,
  IMPORT,
  TRAIN,
  PUBLISH,
  /** Published (the persona is READY); measuring the model on held-out messages. */
  EVALUATE,
  DONE
}
