package io.personastudio.domain.training;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** One training of a persona on its imported chat: queued, running, then finished one way. */
@Entity
@Table(name = "training_run")
@NamedQuery(
    name = TrainingRun.OF_PERSONA,
    query = "SELECT r FROM TrainingRun r WHERE r.personaId = :persona ORDER BY r.queuedAt DESC")
public class TrainingRun {

  public static final String OF_PERSONA = "TrainingRun.ofPersona";

  /**
   * The execution of a run claimed by a node whose batch job has not started yet; only the claim's
   * own job replaces it (TrainingRuns.jobStarted), never a stale job of an earlier claim.
   */
  private static final long CLAIMED = -1L;

  @Id private UUID id;

  @Column(name = "persona_id", nullable = false)
  private UUID personaId;

  @Column(name = "owner_id", nullable = false)
  private UUID ownerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private RunStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private RunPhase phase;

  @Column(nullable = false)
  private float percent;

  @Column(nullable = false)
  private long step;

  @Column(name = "total_steps", nullable = false)
  private long totalSteps;

  private Float loss;

  @Column(name = "eta_seconds")
  private Long etaSeconds;

  @Column(nullable = false)
  private long seed;

  @Column(name = "failure_reason", length = 2000)
  private String failureReason;

  private String metrics;

  @Column(name = "skipped_records", nullable = false)
  private int skippedRecords;

  @Column(name = "evaluated_at")
  private OffsetDateTime evaluatedAt;

  @Column(name = "stopped_by_budget", nullable = false)
  private boolean stoppedByBudget;

  @Column(name = "job_execution")
  private Long jobExecution;

  @Column(name = "queued_at", nullable = false)
  private OffsetDateTime queuedAt;

  @Column(name = "started_at")
  private OffsetDateTime startedAt;

  @Column(name = "finished_at")
  private OffsetDateTime finishedAt;

  @Version private long version;

  protected TrainingRun() {}

  public TrainingRun(UUID personaId, UUID ownerId, long seed, OffsetDateTime now) {
    this.id = UUID.randomUUID();
    this.personaId = personaId;
    this.ownerId = ownerId;
    this.seed = seed;
    this.status = RunStatus.QUEUED;
    this.phase = RunPhase.QUEUED;
    this.queuedAt = now;
  }

  /** A node took the run from the queue; its batch job is about to start. */
  public void claimed(OffsetDateTime now) {
    status = RunStatus.RUNNING;
    phase = RunPhase.IMPORT;
    jobExecution = CLAIMED;
    startedAt = now;
  }

  /** Whether this batch execution is the one working on the run (it may have ended since). */
  public boolean ownedBy(long execution) {
    return jobExecution != null && jobExecution == execution;
  }

  public void entered(RunPhase newPhase) {
    phase = newPhase;
  }

  public void progress(RunPhase newPhase, long newStep, long total, Float newLoss, Long eta) {
    phase = newPhase;
    step = newStep;
    totalSteps = total;
    loss = newLoss;
    etaSeconds = eta;
    percent = total > 0 ? Math.min(100f, 100f * newStep / total) : percent;
  }

  /**
   * The model is published: the run is complete. With an evaluation to come the phase stays
   * EVALUATE until its figures are stored. A training stopped by its time budget published the
   * model of the steps it did; the run keeps saying so.
   */
  public void completed(boolean evaluationFollows, boolean byBudget, OffsetDateTime now) {
    status = RunStatus.COMPLETED;
    stoppedByBudget = byBudget;
    phase = evaluationFollows ? RunPhase.EVALUATE : RunPhase.DONE;
    percent = 100f;
    etaSeconds = 0L;
    finishedAt = now;
  }

  /** The evaluation's figures (or why there are none), as JSON. */
  public void evaluated(String figures, OffsetDateTime now) {
    metrics = figures;
    evaluatedAt = now;
    if (phase == RunPhase.EVALUATE) {
      phase = RunPhase.DONE;
    }
  }

  public void failed(String reason, OffsetDateTime now) {
    status = RunStatus.FAILED;
    failureReason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    finishedAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID personaId() {
    return personaId;
  }

  public UUID ownerId() {
    return ownerId;
  }

  public RunStatus status() {
    return status;
  }

  public RunPhase phase() {
    return phase;
  }

  public float percent() {
    return percent;
  }

  public long step() {
    return step;
  }

  public long totalSteps() {
    return totalSteps;
  }

  public Optional<Float> loss() {
    return Optional.ofNullable(loss);
  }

  public Optional<Long> etaSeconds() {
    return Optional.ofNullable(etaSeconds);
  }

  public long seed() {
    return seed;
  }

  public Optional<String> failureReason() {
    return Optional.ofNullable(failureReason);
  }

  public Optional<String> metrics() {
    return Optional.ofNullable(metrics);
  }

  public int skippedRecords() {
    return skippedRecords;
  }

  public Optional<OffsetDateTime> evaluatedAt() {
    return Optional.ofNullable(evaluatedAt);
  }

  public boolean stoppedByBudget() {
    return stoppedByBudget;
  }

  public Optional<Long> jobExecution() {
    return Optional.ofNullable(jobExecution);
  }
}
