package io.personastudio.domain.persona;

/** Where a persona stands for its owner. */
public enum PersonaStatus {
  /** Trained at least once and answering with its active model. */
  READY,
  /** Its first training is queued or running. */
  TRAINING,
  /** Its first training failed; the run says why. */
  FAILED
}
