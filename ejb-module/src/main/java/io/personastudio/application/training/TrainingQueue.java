package io.personastudio.application.training;

import io.personastudio.infrastructure.config.StudioConfig;
import io.personastudio.infrastructure.persistence.SchemaMigrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts queued trainings on this node, at most {@link StudioConfig#concurrency()} at a time, as
 * {@code train-persona} batch jobs. Runs are claimed in the database (row locks skipped by other
 * nodes), so several nodes may share one queue. Jobs start outside any transaction: the batch
 * repository creates its tables lazily and PostgreSQL would roll that DDL back with the caller.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TrainingQueue {

  private static final Logger LOG = Logger.getLogger(TrainingQueue.class.getName());
  static final String JOB = "train-persona";

  @Inject TrainingRuns runs;
  @Inject StudioConfig config;
  @Inject SchemaMigrations schema;

  @Resource ManagedScheduledExecutorService scheduler;

  /** Guarded by this: a job's end waits until the claim that started it has recorded its slot. */
  private final RunSlots running = new RunSlots();

  /** A running run that has not said it is alive for this long is put back in the queue. */
  @Inject
  @ConfigProperty(name = "persona.training.silent-seconds", defaultValue = "180")
  int silentSeconds;

  private ScheduledFuture<?> sweep;
  private ScheduledFuture<?> supervisor;

  @PostConstruct
  void startSweeping() {
    sweep = scheduler.scheduleWithFixedDelay(this::fill, 3, 5, TimeUnit.SECONDS);
    supervisor = scheduler.scheduleWithFixedDelay(this::requeueSilent, 30, 30, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stopSweeping() {
    sweep.cancel(false);
    supervisor.cancel(false);
  }

  /**
   * Runs of a node that died resume elsewhere from their stored checkpoint; evaluations of a node
   * that died end without figures (the model they measure is published already).
   */
  private void requeueSilent() {
    if (!schema.state().migrated()) {
      return;
    }
    try {
      int requeued = runs.requeueSilent(silentSeconds);
      if (requeued > 0) {
        LOG.warning(requeued + " training run(s) of a silent node put back in the queue");
      }
      int abandoned = runs.endSilentEvaluations(silentSeconds);
      if (abandoned > 0) {
        LOG.warning(abandoned + " evaluation(s) of a silent node ended without figures");
      }
    } catch (RuntimeException e) {
      LOG.warning("Training supervisor: " + e.getMessage());
    }
  }

  /** A new run waits: try to start it now rather than at the next sweep. */
  public void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) TrainingQueued event) {
    scheduler.execute(this::fill);
  }

  /**
   * An execution of this node ended, or only evaluates a published model now: its slot is free.
   * Returns false when a newer execution of the same run has the slot here (the run was put back in
   * the queue and claimed again by this node): the run's working folder is then still in use.
   */
  public synchronized boolean finished(UUID runId, long execution) {
    boolean released = running.release(runId, execution);
    scheduler.execute(this::fill);
    return released;
  }

  public synchronized int runningHere() {
    return running.size();
  }

  private synchronized void fill() {
    if (!schema.state().migrated()) {
      return;
    }
    try {
      while (running.size() < config.concurrency()) {
        Optional<UUID> next = runs.claimNext();
        if (next.isEmpty()) {
          return;
        }
        start(next.get());
      }
    } catch (RuntimeException e) {
      LOG.warning("Training queue: " + e.getMessage());
    }
  }

  private void start(UUID runId) {
    running.claim(runId);
    try {
      Properties parameters = new Properties();
      parameters.setProperty("runId", runId.toString());
      long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
      running.started(runId, execution);
      runs.jobStarted(runId, execution);
    } catch (RuntimeException e) {
      running.notStarted(runId);
      runs.failed(runId, "The training could not start: " + e.getMessage());
    }
  }
}
