package io.personastudio.infrastructure.training;

/** A message the import cannot store; the import step skips it and records why (skippable). */
public class BadRecord extends Exception {
  private static final long serialVersionUID = 1L;

  BadRecord(String reason) {
    super(reason);
  }
}
