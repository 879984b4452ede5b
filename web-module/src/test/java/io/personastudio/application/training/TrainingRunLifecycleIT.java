package io.personastudio.application.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.testing.ShippedWar;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A claimed run's life outside the batch job: the supervisor that puts runs of a dead node back in
 * the queue, and a cancel that meets the job's start. {@link TrainingRuns} works in its own
 * transaction, so the rows are committed; each test's account (and with it the run) is deleted at
 * once afterwards, before the node's queue could start a job for a requeued run.
 */
@ExtendWith(ArquillianExtension.class)
class TrainingRunLifecycleIT {

  @Deployment
  static WebArchive deployment() {
    return ShippedWar.withTest(TrainingRunLifecycleIT.class);
  }

  @Inject TrainingRuns runs;

  @Resource(lookup = "jdbc/persona")
  DataSource db;

  private UUID owner;
  private UUID run;

  @BeforeEach
  void aRunningRun() throws Exception {
    owner = UUID.randomUUID();
    UUID persona = UUID.randomUUID();
    run = UUID.randomUUID();
    sql(
        "INSERT INTO account (id, email, display_name, password_hash) VALUES (?, ?, 'S', 'x')",
        owner,
        owner + "@supervisor.invalid");
    sql(
        "INSERT INTO persona (id, owner_id, name, person, status, created_at)"
            + " VALUES (?, ?, 'P', 'Ana', 'TRAINING', now())",
        persona,
        owner);
    sql(
        "INSERT INTO training_run (id, persona_id, owner_id, status, phase, seed, queued_at)"
            + " VALUES (?, ?, ?, 'RUNNING', 'TRAIN', 1, now())",
        run,
        persona,
        owner);
  }

  @AfterEach
  void leaveNothing() throws Exception {
    sql("DELETE FROM account WHERE id = ?", owner);
  }

  @Test
  void aRunClaimedAgainIsNotSilentBecauseOfItsPreviousAttemptsHeartbeat() throws Exception {
    // the previous node died an hour ago; this node claimed the run a moment ago
    sql(
        "UPDATE training_run SET heartbeat_at = now() - interval '1 hour', started_at = now()"
            + " WHERE id = ?",
        run);

    runs.requeueSilent(180); // other tests' runs in this database may be requeued: not counted

    assertThat(status()).isEqualTo("RUNNING");
  }

  @Test
  void aRunWhoseNodeStoppedBeatingGoesBackToTheQueue() throws Exception {
    sql(
        "UPDATE training_run SET heartbeat_at = now() - interval '5 minutes',"
            + " started_at = now() - interval '10 minutes' WHERE id = ?",
        run);

    assertThat(runs.requeueSilent(180)).isPositive();
    assertThat(status()).isEqualTo("QUEUED");
  }

  @Test
  void aRunStartedLongAgoThatStillBeatsKeepsRunning() throws Exception {
    sql(
        "UPDATE training_run SET heartbeat_at = now() - interval '10 seconds',"
            + " started_at = now() - interval '1 hour' WHERE id = ?",
        run);

    runs.requeueSilent(180);

    assertThat(status()).isEqualTo("RUNNING");
  }

  @Test
  void aCancelBetweenTheClaimAndTheJobsStartStands() throws Exception {
    runs.cancel(owner, run); // the owner cancels while the claimed job is still being started

    runs.jobStarted(run, 42);

    assertThat(status()).isEqualTo("CANCELLED");
  }

  private String status() throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement query =
            c.prepareStatement("SELECT status FROM training_run WHERE id = ?")) {
      query.setObject(1, run);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).as("the run exists").isTrue();
        return row.getString(1);
      }
    }
  }

  private void sql(String statement, Object... parameters) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement update = c.prepareStatement(statement)) {
      for (int i = 0; i < parameters.length; i++) {
        update.setObject(i + 1, parameters[i]);
      }
      update.executeUpdate();
    }
  }
}
