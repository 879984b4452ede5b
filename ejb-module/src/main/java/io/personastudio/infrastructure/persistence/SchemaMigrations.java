package io.personastudio.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before any use. A database that cannot be reached does not stop the
 * node: the migration is retried until it succeeds, and readiness says why it waits. A migration
 * that fails stops the deployment, naming the migration and its error.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrations {

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());
  private static final long RETRY_SECONDS = 5;

  @Resource(lookup = "jdbc/persona")
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  private volatile SchemaState state =
      new SchemaState(SchemaState.Phase.WAITING_FOR_DATABASE, "not tried yet");
  private volatile ScheduledFuture<?> retries;

  @PostConstruct
  void migrateAtStart() {
    if (!migrateIfReachable()) {
      retries =
          scheduler.scheduleWithFixedDelay(
              this::retry, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
    }
  }

  @PreDestroy
  void stopRetrying() {
    if (retries != null) {
      retries.cancel(false);
    }
  }

  public SchemaState state() {
    return state;
  }

  private void retry() {
    try {
      if (migrateIfReachable()) {
        retries.cancel(false);
      }
    } catch (SchemaMigrationFailed failed) {
      retries.cancel(false);
    }
  }

  /** Returns false while the database cannot be reached; throws when a migration fails. */
  private synchronized boolean migrateIfReachable() {
    if (state.migrated()) {
      return true;
    }
    String unreachable = DatabaseProbe.problem(dataSource).orElse(null);
    if (unreachable != null) {
      if (!unreachable.equals(state.detail())) {
        LOG.warning(
            "Database not reachable, schema migration waits (retry every "
                + RETRY_SECONDS
                + " s): "
                + unreachable);
      }
      state = new SchemaState(SchemaState.Phase.WAITING_FOR_DATABASE, unreachable);
      return false;
    }
    try {
      MigrateResult result = flyway().migrate();
      state =
          new SchemaState(
              SchemaState.Phase.MIGRATED,
              "schema at version "
                  + currentVersion(result)
                  + ", "
                  + result.migrationsExecuted
                  + " migration(s) applied now");
      LOG.info("Database schema ready: " + state.detail());
      return true;
    } catch (FlywayException e) {
      state = new SchemaState(SchemaState.Phase.FAILED, e.getMessage());
      LOG.severe("Schema migration failed: " + e.getMessage());
      throw new SchemaMigrationFailed(e.getMessage());
    }
  }

  private Flyway flyway() {
    return Flyway.configure(SchemaMigrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .table("schema_history")
        .cleanDisabled(true)
        .load();
  }

  private static String currentVersion(MigrateResult result) {
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : String.valueOf(result.initialSchemaVersion);
  }
}
