package io.personastudio.application.training;

import io.personastudio.domain.DomainException;
import io.personastudio.domain.persona.ChatImport;
import io.personastudio.domain.persona.ModelVersion;
import io.personastudio.domain.persona.Persona;
import io.personastudio.domain.training.RunPhase;
import io.personastudio.domain.training.RunStatus;
import io.personastudio.domain.training.TrainingRun;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The state changes of training runs, each in a transaction of its own so that progress is visible
 * at once and a failure of the job never rolls back what was already reported.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TrainingRuns {

  static final int SKIPS_KEPT = 20;

  @PersistenceContext(unitName = "persona")
  EntityManager em;

  /**
   * Takes the next queued run for this node, fairly across owners: the owner with the fewest runs
   * in progress first, then the oldest queued run. Safe when several nodes ask at once: the row is
   * locked and skipped by the others.
   */
  @SuppressWarnings("unchecked")
  public Optional<UUID> claimNext() {
    List<Object> ids =
        em.createNativeQuery(
                "SELECT r.id FROM training_run r WHERE r.status = 'QUEUED'"
                    + " ORDER BY (SELECT count(*) FROM training_run o"
                    + "           WHERE o.owner_id = r.owner_id AND o.status = 'RUNNING'),"
                    + " r.queued_at LIMIT 1 FOR UPDATE SKIP LOCKED")
            .getResultList();
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    UUID id = (UUID) ids.get(0);
    TrainingRun run = em.find(TrainingRun.class, id);
    run.claimed(now());
    return Optional.of(id);
  }

  /**
   * Records the claim's batch execution; both the queue (once the job is submitted) and the job
   * itself (before its first step) say so, whichever is first. One statement, so the two never meet
   * on the run's version; a cancel since the claim stands, and a stale job of an earlier claim
   * never takes the run back (see {@link TrainingRun#jobStarted}).
   */
  public void jobStarted(UUID runId, long execution) {
    em.createNativeQuery(
            "UPDATE training_run SET job_execution = ? WHERE id = ? AND job_execution IN (-1, ?)")
        .setParameter(1, execution)
        .setParameter(2, runId)
        .setParameter(3, execution)
        .executeUpdate();
  }

  public void progress(UUID runId, RunPhase phase, long step, long total, Float loss, Long eta) {
    TrainingRun run = em.find(TrainingRun.class, runId);
    run.progress(phase, step, total, loss, eta);
    if (loss != null && step > 0) {
      em.createNativeQuery(
              "INSERT INTO training_loss (run_id, step, loss, recorded_at) VALUES (?, ?, ?, ?)"
                  + " ON CONFLICT (run_id, step) DO UPDATE SET loss = EXCLUDED.loss")
          .setParameter(1, runId)
          .setParameter(2, step)
          .setParameter(3, loss)
          .setParameter(4, now())
          .executeUpdate();
    }
  }

  /** The run moves on to another phase; its step, total and loss stay as last reported. */
  public void entered(UUID runId, RunPhase phase) {
    em.find(TrainingRun.class, runId).entered(phase);
  }

  public void imported(UUID importId, int messages, int skipped) {
    em.find(ChatImport.class, importId).imported(messages, skipped, now());
  }

  /** What the publish step hands over: the worker's model and how its training ended. */
  public record TrainedModel(int formatVersion, byte[] artifact, boolean stoppedByBudget) {}

  /**
   * The new model becomes the persona's active one in the same commit that completes the run; with
   * an evaluation to follow, the run shows phase EVALUATE until {@link #evaluated}.
   */
  public UUID publish(UUID runId, long execution, TrainedModel trained, boolean evaluationFollows) {
    TrainingRun run = em.find(TrainingRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
    if (run.status() != RunStatus.RUNNING) {
      throw new IllegalStateException("The training was " + run.status().name().toLowerCase());
    }
    if (!run.ownedBy(execution)) {
      throw new IllegalStateException("The training was taken over by another node");
    }
    Persona persona = em.find(Persona.class, run.personaId(), LockModeType.PESSIMISTIC_WRITE);
    ModelVersion model =
        new ModelVersion(persona.id(), runId, trained.formatVersion(), trained.artifact(), now());
    em.persist(model);
    em.flush();
    persona.activate(model.id());
    run.completed(evaluationFollows, trained.stoppedByBudget(), now());
    return model.id();
  }

  /** Stores the evaluation's figures (or why there are none); a deleted run is ignored. */
  public void evaluated(UUID runId, RunEvaluation evaluation) {
    TrainingRun run = em.find(TrainingRun.class, runId);
    if (run != null) {
      run.evaluated(evaluation.toJson(), now());
    }
  }

  /**
   * The import skipped a bad record: counted on the run; the first {@value #SKIPS_KEPT} reasons are
   * kept by position. Counted in SQL so that it never races the run's other updates.
   */
  public void skipped(UUID runId, long position, String reason) {
    em.createNativeQuery(
            "UPDATE training_run SET skipped_records = skipped_records + 1 WHERE id = ?")
        .setParameter(1, runId)
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO training_skip (run_id, position, reason)"
                + " SELECT ?, ?, ? WHERE (SELECT count(*) FROM training_skip WHERE run_id = ?) < ?"
                + " ON CONFLICT DO NOTHING")
        .setParameter(1, runId)
        .setParameter(2, position)
        .setParameter(3, reason.length() > 500 ? reason.substring(0, 500) : reason)
        .setParameter(4, runId)
        .setParameter(5, SKIPS_KEPT)
        .executeUpdate();
  }

  /** A fresh import forgets the skips of an earlier attempt. */
  public void clearSkips(UUID runId) {
    em.createNativeQuery("UPDATE training_run SET skipped_records = 0 WHERE id = ?")
        .setParameter(1, runId)
        .executeUpdate();
    em.createNativeQuery("DELETE FROM training_skip WHERE run_id = ?")
        .setParameter(1, runId)
        .executeUpdate();
  }

  @SuppressWarnings("unchecked")
  private List<String> skipReasons(UUID runId) {
    return em.createNativeQuery(
            "SELECT reason FROM training_skip WHERE run_id = ? ORDER BY position")
        .setParameter(1, runId)
        .getResultList();
  }

  private RunView viewOf(TrainingRun run) {
    return RunView.of(run, run.skippedRecords() == 0 ? List.of() : skipReasons(run.id()));
  }

  public boolean failed(UUID runId, String reason) {
    return failed(runId, null, reason);
  }

  /**
   * Fails the run, unless it already ended or has since been taken over by another execution (a
   * node thought dead that comes back must not fail the run that resumed elsewhere, nor a run the
   * supervisor put back in the queue). Returns whether it failed the run.
   */
  public boolean failed(UUID runId, Long execution, String reason) {
    TrainingRun run = em.find(TrainingRun.class, runId);
    if (run == null || run.status().finished()) {
      return false;
    }
    if (execution != null && !run.ownedBy(execution)) {
      return false;
    }
    run.failed(reason, now());
    em.find(Persona.class, run.personaId()).trainingFailed();
    // a failed import leaves no messages behind; a retry uploads again
    em.createNativeQuery(
            "DELETE FROM chat_message WHERE import_id IN"
                + " (SELECT id FROM chat_import WHERE persona_id = ? AND imported_at IS NULL)")
        .setParameter(1, run.personaId())
        .executeUpdate();
    return true;
  }

  /** Whether this batch execution is (or was, until it ended) the one working on the run. */
  public boolean ownedBy(UUID runId, long execution) {
    TrainingRun run = em.find(TrainingRun.class, runId);
    return run != null && run.ownedBy(execution);
  }

  /** The run if it belongs to the account; the same empty answer otherwise (no IDOR). */
  public Optional<RunView> view(UUID owner, UUID runId) {
    return Optional.ofNullable(runId == null ? null : em.find(TrainingRun.class, runId))
        .filter(r -> r.ownerId().equals(owner))
        .map(this::viewOf);
  }

  /**
   * The persona's newest completed run if the persona belongs to the account (its figures are the
   * ones its model answers with, also while a retrain runs); empty otherwise, the same for another
   * account's persona.
   */
  public Optional<RunView> lastCompleted(UUID owner, UUID personaId) {
    return em.createQuery(
            "SELECT r FROM TrainingRun r WHERE r.personaId = :p AND r.ownerId = :o"
                + " AND r.status = :s ORDER BY r.queuedAt DESC",
            TrainingRun.class)
        .setParameter("p", personaId)
        .setParameter("o", owner)
        .setParameter("s", RunStatus.COMPLETED)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(this::viewOf);
  }

  /** The loss curve of an owner's run, by step. */
  @SuppressWarnings("unchecked")
  public List<LossPoint> lossHistory(UUID owner, UUID runId) {
    if (view(owner, runId).isEmpty()) {
      throw DomainException.notFound("No such training run.");
    }
    List<Object[]> rows =
        em.createNativeQuery("SELECT step, loss FROM training_loss WHERE run_id = ? ORDER BY step")
            .setParameter(1, runId)
            .getResultList();
    return rows.stream()
        .map(r -> new LossPoint(((Number) r[0]).longValue(), ((Number) r[1]).floatValue()))
        .toList();
  }

  /**
   * Cancels a queued or running run of the owner; a running worker is stopped within seconds. The
   * job updates the run all the time: one conditional statement (not the entity and its version)
   * waits for the job's update and then either cancels the run or finds it ended, so a cancel never
   * fails on an optimistic lock.
   */
  public void cancel(UUID owner, UUID runId) {
    TrainingRun run = runId == null ? null : em.find(TrainingRun.class, runId);
    if (run == null || !run.ownerId().equals(owner)) {
      throw DomainException.notFound("No such training run.");
    }
    if (run.status().finished()) {
      throw DomainException.conflict("The training has already ended (" + run.status() + ").");
    }
    int cancelled =
        em.createNativeQuery(
                "UPDATE training_run SET status = 'CANCELLED', finished_at = ?"
                    + " WHERE id = ? AND status IN ('QUEUED', 'RUNNING')")
            .setParameter(1, now())
            .setParameter(2, runId)
            .executeUpdate();
    if (cancelled == 0) {
      throw DomainException.conflict("The training has just ended; it can no longer be cancelled.");
    }
    // as Persona.trainingFailed: only a persona without a model shows the failure
    em.createNativeQuery(
            "UPDATE persona SET status = 'FAILED' WHERE id = ? AND active_model_id IS NULL")
        .setParameter(1, run.personaId())
        .executeUpdate();
  }

  /**
   * A running run's sign of life; a run silent for long is taken over by the supervisor. Never
   * waits for the run's row: while another transaction holds it (a cancel, or the delete of the
   * persona) this beat is skipped and the next one counts. The import's chunk beats while its own
   * transaction holds the import row its messages reference; a delete of the persona holds the run
   * row and waits for that import row. Had the beat waited, the chunk could never commit, and
   * PostgreSQL sees no deadlock: the two transactions wait for each other through one Java thread.
   */
  public void heartbeat(UUID runId) {
    em.createNativeQuery(
            "UPDATE training_run SET heartbeat_at = now() WHERE id ="
                + " (SELECT id FROM training_run WHERE id = ? FOR NO KEY UPDATE SKIP LOCKED)")
        .setParameter(1, runId)
        .executeUpdate();
  }

  /**
   * Puts runs whose node went silent back in the queue (their checkpoint is kept, so they resume).
   * One statement: safe when every node's supervisor runs it.
   */
  public int requeueSilent(int silentSeconds) {
    return em.createNativeQuery(
            // the execution is forgotten: the silent node's job, should it come back, no longer
            // owns the run and must neither fail it nor take its upload
            "UPDATE training_run SET status = 'QUEUED', phase = 'QUEUED', job_execution = NULL"
                // a run claimed again after a node died starts afresh: its old heartbeat is
                // older than its new start and must not make it look silent at once
                + " WHERE status = 'RUNNING' AND greatest(heartbeat_at, started_at)"
                + " < now() - make_interval(secs => ?)")
        .setParameter(1, silentSeconds)
        .executeUpdate();
  }

  /**
   * Ends the evaluations whose node went silent: the model is published and serving, so the run
   * stays COMPLETED and says why it has no figures rather than showing them pending for good. An
   * evaluation that comes back later still stores its figures over this note.
   */
  public int endSilentEvaluations(int silentSeconds) {
    return em.createNativeQuery(
            "UPDATE training_run SET phase = 'DONE', metrics = ?, evaluated_at = now()"
                + " WHERE status = 'COMPLETED' AND phase = 'EVALUATE'"
                + " AND greatest(heartbeat_at, finished_at) < now() - make_interval(secs => ?)")
        .setParameter(
            1,
            RunEvaluation.unavailable(
                    "evaluation not available: the node measuring the model stopped answering")
                .toJson())
        .setParameter(2, silentSeconds)
        .executeUpdate();
  }

  /** Keeps the worker's latest checkpoint where any node can resume from it. */
  public void saveCheckpoint(UUID runId, long step, byte[] state) {
    em.createNativeQuery(
            "INSERT INTO training_checkpoint (run_id, step, state, updated_at) VALUES (?, ?, ?, now())"
                + " ON CONFLICT (run_id) DO UPDATE SET step = EXCLUDED.step, state = EXCLUDED.state,"
                + " updated_at = EXCLUDED.updated_at")
        .setParameter(1, runId)
        .setParameter(2, step)
        .setParameter(3, state)
        .executeUpdate();
  }

  /** A stored checkpoint: the worker's state file and the step it was written at. */
  public record StoredCheckpoint(long step, byte[] state) {}

  @SuppressWarnings("unchecked")
  public Optional<StoredCheckpoint> checkpoint(UUID runId) {
    List<Object[]> rows =
        em.createNativeQuery("SELECT step, state FROM training_checkpoint WHERE run_id = ?")
            .setParameter(1, runId)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> new StoredCheckpoint(((Number) r[0]).longValue(), (byte[]) r[1]));
  }

  public Optional<RunView> view(UUID runId) {
    return Optional.ofNullable(em.find(TrainingRun.class, runId)).map(this::viewOf);
  }

  public Optional<ChatImport> latestImport(UUID personaId) {
    return em.createQuery("SELECT c FROM ChatImport c WHERE c.personaId = :p", ChatImport.class)
        .setParameter("p", personaId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public Optional<Persona> persona(UUID personaId) {
    return Optional.ofNullable(em.find(Persona.class, personaId));
  }

  public long seed(UUID runId) {
    return em.find(TrainingRun.class, runId).seed();
  }

  public boolean exists(UUID runId) {
    return em.find(TrainingRun.class, runId) != null;
  }

  /** Whether the run is running and this execution is the one running it. */
  public boolean isRunning(UUID runId, long execution) {
    TrainingRun run = em.find(TrainingRun.class, runId);
    return run != null && run.status() == RunStatus.RUNNING && run.ownedBy(execution);
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
