package io.personastudio.infrastructure.persistence;

/** Where the schema stands: waiting for the database, migrated, or failed for good. */
public record SchemaState(Phase phase, String detail) {

  /** The phases a node's schema goes through after start. */
  public enum Phase {
    WAITING_FOR_DATABASE,
    MIGRATED,
    FAILED
  }

  public boolean migrated() {
    return phase == Phase.MIGRATED;
  }
}
