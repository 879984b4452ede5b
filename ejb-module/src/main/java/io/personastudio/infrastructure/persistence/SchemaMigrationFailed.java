package io.personastudio.infrastructure.persistence;

/** A migration failed: the deployment must stop, and the message names the migration. */
public class SchemaMigrationFailed extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SchemaMigrationFailed(String message) {
    super("Schema migration failed: " + message);
  }
}
