package io.personastudio.application.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.personastudio.application.persona.PersonaService;
import io.personastudio.domain.training.RunPhase;
import io.personastudio.infrastructure.training.RunEnding;
import io.personastudio.testing.Rows;
import io.personastudio.testing.ShippedWar;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
  @Inject RunEnding ending;
  @Inject PersonaService personas;

  @Resource(lookup = "jdbc/persona")
  DataSource db;

  private UUID owner;
  private UUID persona;
  private UUID run;
  private UUID chat;
  private Path upload;

  @BeforeEach
  void aRunningRun() throws Exception {
    owner = UUID.randomUUID();
    persona = UUID.randomUUID();
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
    chat = UUID.randomUUID();
    sql(
        "INSERT INTO chat_import (id, persona_id, format, file_name, size_bytes)"
            + " VALUES (?, ?, 'TELEGRAM_JSON', 'chat.json', 2)",
        chat,
        persona);
    upload = personas.uploadOf(chat);
    Files.createDirectories(upload.getParent());
    Files.writeString(upload, "{}");
  }

  @AfterEach
  void leaveNothing() throws Exception {
    sql("DELETE FROM account WHERE id = ?", owner);
    Files.deleteIfExists(upload);
  }

  @Test
  void aSlowNodesJobEndingAfterItsRunWasRequeuedLeavesTheRunAndItsUpload() throws Exception {
    sql(
        "UPDATE training_run SET job_execution = 7, heartbeat_at = now() - interval '5 minutes',"
            + " started_at = now() - interval '10 minutes' WHERE id = ?",
        run);
    runs.requeueSilent(180);

    ending.jobEnded(run, 7, false, "the training job stopped");

    // the queue of this node may have claimed the requeued run meanwhile: either way it is not
    // failed
    assertThat(status()).isIn("QUEUED", "RUNNING");
    assertThat(column("failure_reason")).isNull();
    assertThat(upload).as("the upload the next import reads").exists();
  }

  @Test
  void aStaleJobEndingAfterAnotherExecutionTookTheRunOverLeavesIt() throws Exception {
    sql("UPDATE training_run SET job_execution = 8 WHERE id = ?", run);

    ending.jobEnded(run, 7, false, "the training job stopped");

    assertThat(status()).isEqualTo("RUNNING");
    assertThat(upload).exists();
  }

  @Test
  void aRequeuedRunForgetsItsExecutionAndOnlyANewClaimsJobRecordsItself() throws Exception {
    sql(
        "UPDATE training_run SET job_execution = 7, heartbeat_at = now() - interval '5 minutes',"
            + " started_at = now() - interval '10 minutes' WHERE id = ?",
        run);
    runs.requeueSilent(180);

    runs.jobStarted(run, 7); // the stale job repeats what it said at its start

    assertThat(column("job_execution")).isNotEqualTo("7");
  }

  @Test
  void aRunStoppedByItsTimeBudgetIsPublishedSayingSoAndKeepsItsSteps() throws Exception {
    sql(
        "UPDATE training_run SET job_execution = 7, step = 300, total_steps = 1000 WHERE id = ?",
        run);

    runs.entered(run, RunPhase.PUBLISH);
    runs.publish(run, 7, new TrainingRuns.TrainedModel(1, new byte[] {1, 2, 3}, true), false);

    RunView view = runs.view(run).orElseThrow();
    assertThat(view.status()).isEqualTo("COMPLETED");
    assertThat(view.stoppedByBudget()).isTrue();
    assertThat(view.step()).isEqualTo(300);
    assertThat(view.totalSteps()).isEqualTo(1000);
  }

  @Test
  void aStaleJobCannotPublishARunAnotherExecutionTookOver() throws Exception {
    sql("UPDATE training_run SET job_execution = 8 WHERE id = ?", run);

    assertThatThrownBy(
            () ->
                runs.publish(
                    run, 7, new TrainingRuns.TrainedModel(1, new byte[] {1}, false), false))
        .hasMessageContaining("taken over");
    assertThat(status()).isEqualTo("RUNNING");
  }

  @Test
  void aCancelThatMeetsTheJobsConcurrentUpdateStillCancels() throws Exception {
    try (Connection job = db.getConnection()) {
      job.setAutoCommit(false);
      try (PreparedStatement progress =
          job.prepareStatement(
              "UPDATE training_run SET step = step + 20, version = version + 1 WHERE id = ?")) {
        progress.setObject(1, run);
        progress.executeUpdate(); // the job's progress, not committed yet: the row is locked
      }
      CompletableFuture<Void> cancel =
          CompletableFuture.runAsync(
              () -> runs.cancel(owner, run), r -> new Thread(r, "cancel").start());
      awaitABlockedUpdateOfTheRun(cancel);
      job.commit(); // the run's version moved on under the cancel
      cancel.get(60, TimeUnit.SECONDS);
    }

    assertThat(status()).isEqualTo("CANCELLED");
  }

  @Test
  void aHeartbeatDuringAnImportChunkNeverWaitsForTheDeleteOfItsPersona() throws Exception {
    try (Connection chunk = db.getConnection()) {
      chunk.setAutoCommit(false);
      try (PreparedStatement insert =
          chunk.prepareStatement(
              "INSERT INTO chat_message (import_id, seq, sender, sent_at, key_id, text_cipher)"
                  + " VALUES (?, 0, '\\x00', now(), 'k', '\\x00')")) {
        insert.setObject(1, chat);
        insert
            .executeUpdate(); // as the import's chunk: its rows hold the import row against delete
      }
      CompletableFuture<Void> delete =
          CompletableFuture.runAsync(
              () -> personas.delete(owner, persona), r -> new Thread(r, "delete").start());
      awaitABlockedStatement("DELETE FROM persona%", delete);
      assertThat(delete).as("the delete waits for the chunk's import row").isNotDone();

      // the chunk beats before it commits; the delete already holds the run's row
      CompletableFuture<Void> beat =
          CompletableFuture.runAsync(() -> runs.heartbeat(run), r -> new Thread(r, "beat").start());
      try {
        beat.get(20, TimeUnit.SECONDS);
      } finally {
        chunk.commit(); // lets a delete that a waiting beat held up go on either way
      }
      delete.get(60, TimeUnit.SECONDS);
    }

    assertThat(Rows.count(db, "SELECT count(*) FROM persona WHERE id = ?", persona)).isZero();
    assertThat(Rows.count(db, "SELECT count(*) FROM chat_message WHERE import_id = ?", chat))
        .isZero();
  }

  @Test
  void aHeartbeatKeepsARunOfASilentLookingNodeRunning() throws Exception {
    // The node's own supervisor may put the run back in the queue in the instant between making
    // it look silent and its heartbeat; each attempt makes that instant again. A heartbeat that
    // did not count would leave the run QUEUED in every attempt.
    String status = null;
    for (int attempt = 0; attempt < 3 && !"RUNNING".equals(status); attempt++) {
      sql(
          "UPDATE training_run SET status = 'RUNNING', phase = 'TRAIN',"
              + " heartbeat_at = now() - interval '5 minutes',"
              + " started_at = now() - interval '10 minutes' WHERE id = ?",
          run);

      runs.heartbeat(run);
      runs.requeueSilent(180);
      status = status();
    }

    assertThat(status).isEqualTo("RUNNING");
  }

  @Test
  void anEvaluationWhoseNodeWentSilentEndsWithoutFiguresSayingWhy() throws Exception {
    sql(
        "UPDATE training_run SET status = 'COMPLETED', phase = 'EVALUATE',"
            + " finished_at = now() - interval '10 minutes',"
            + " heartbeat_at = now() - interval '5 minutes' WHERE id = ?",
        run);

    runs.endSilentEvaluations(180);

    RunView view = runs.view(run).orElseThrow();
    assertThat(view.status()).isEqualTo("COMPLETED");
    assertThat(view.phase()).isEqualTo("DONE");
    assertThat(view.evaluation().status()).isEqualTo(RunEvaluation.UNAVAILABLE);
    assertThat(view.evaluation().reason()).startsWith("evaluation not available: ");
  }

  @Test
  void anEvaluationThatStillBeatsGoesOn() throws Exception {
    sql(
        "UPDATE training_run SET status = 'COMPLETED', phase = 'EVALUATE',"
            + " finished_at = now() - interval '1 hour',"
            + " heartbeat_at = now() - interval '10 seconds' WHERE id = ?",
        run);

    runs.endSilentEvaluations(180);

    assertThat(column("phase")).isEqualTo("EVALUATE");
  }

  @Test
  void theOwningJobsFailureFailsTheRunWithItsReasonAndDeletesTheUpload() throws Exception {
    sql("UPDATE training_run SET job_execution = 7 WHERE id = ?", run);

    ending.jobEnded(run, 7, false, "The chat has too few messages of Ana.");

    assertThat(status()).isEqualTo("FAILED");
    assertThat(column("failure_reason")).isEqualTo("The chat has too few messages of Ana.");
    assertThat(upload).doesNotExist();
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

  /** Until PostgreSQL shows the cancel waiting for the job's row lock (or the cancel is done). */
  private void awaitABlockedUpdateOfTheRun(CompletableFuture<Void> cancel) throws Exception {
    awaitABlockedStatement("UPDATE training_run%", cancel);
  }

  /**
   * Until PostgreSQL shows a statement like the pattern waiting for a lock (or the call is done).
   */
  private void awaitABlockedStatement(String pattern, CompletableFuture<Void> call)
      throws Exception {
    for (int i = 0; i < 600 && !call.isDone(); i++) {
      if (Rows.count(
              db,
              "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                  + " AND query ILIKE ?",
              pattern)
          > 0) {
        return;
      }
      Thread.sleep(100);
    }
  }

  private String status() throws SQLException {
    return column("status");
  }

  private String column(String name) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement query =
            c.prepareStatement("SELECT " + name + " FROM training_run WHERE id = ?")) {
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
