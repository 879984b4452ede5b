package io.personastudio.infrastructure.training;

import io.personastudio.application.training.RunView;
import io.personastudio.application.training.TrainingRuns;
import io.personastudio.domain.training.RunPhase;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Trains the model in a supervised worker JVM, reporting its progress on the run. Every ten seconds
 * it says the run is alive, looks whether it was cancelled, and stores the worker's newest
 * checkpoint in the database, from which any node resumes the run after a crash.
 */
@Named
@Dependent
public class TrainModelBatchlet extends RunStep {

  private static final long TICK_NANOS = 10_000_000_000L;
  private static final long CANCEL_CHECK_NANOS = 1_000_000_000L;
  private static final int MAX_ATTEMPTS = 3;
  private static final Logger LOG = Logger.getLogger(TrainModelBatchlet.class.getName());

  @Inject TrainingRuns runs;
  @Inject MessageStore messages;
  @Inject WorkerJobs jobs;
  @Inject EarlyWorkers earlyWorkers;

  private volatile boolean stopRequested;

  @Override
  String run(UUID runId) throws Exception {
    RunView run = runs.view(runId).orElseThrow();
    TrainingWorker.Job work = jobs.of(runId);
    Path model = work.modelOut();
    Checkpoints saved =
        new Checkpoints(runs, runId, model.resolveSibling(model.getFileName() + ".ckpt"));
    // started during the import from the upload itself; a stored checkpoint needs a worker that
    // starts from it
    TrainingWorker.Started early = earlyWorkers.take(runId, job.getExecutionId()).orElse(null);
    if (early != null && saved.stored()) {
      early.close();
      early = null;
    }
    if (early == null) {
      messages.exportForTraining(
          runs.latestImport(run.personaId()).orElseThrow().id(), work.export());
    }
    runs.heartbeat(runId);
    saved.restore();
    runs.progress(runId, RunPhase.TRAIN, 0, 0, null, null);
    Ticker ticker = new Ticker(runId, saved);
    java.util.function.Consumer<WorkerProgress> progress =
        p -> {
          saved.reached(p.step());
          runs.progress(runId, RunPhase.TRAIN, p.step(), p.totalSteps(), p.loss(), p.etaSeconds());
        };
    for (int attempt = 1; ; attempt++) {
      TrainingWorker.Started worker = early;
      early = null;
      try {
        if (worker != null) {
          TrainingWorker.run(worker, work, progress, ticker::cancelled);
        } else {
          TrainingWorker.run(work, progress, ticker::cancelled);
        }
        return "TRAINED " + attempt + (attempt == 1 && worker != null ? " (early worker)" : "");
      } catch (TrainingWorker.Died died) {
        if (attempt >= MAX_ATTEMPTS) {
          throw new TrainingWorker.Failed(died.getMessage() + ", " + attempt + " times");
        }
        LOG.warning("Run " + runId + ": " + died.getMessage() + "; resuming from checkpoint");
        saved.storeIfNewer();
      }
    }
  }

  @Override
  public void stop() {
    stopRequested = true;
  }

  /**
   * Called every second by the worker's supervisor: looks for a cancellation each second, says the
   * run is alive and stores the newest checkpoint every ten.
   */
  private final class Ticker {
    private final UUID runId;
    private final Checkpoints saved;
    private long last = System.nanoTime();
    private long lastCancelCheck = System.nanoTime();

    Ticker(UUID runId, Checkpoints saved) {
      this.runId = runId;
      this.saved = saved;
    }

    boolean cancelled() {
      if (stopRequested) {
        return true;
      }
      long now = System.nanoTime();
      if (now - last >= TICK_NANOS) {
        last = now;
        runs.heartbeat(runId);
        saved.storeIfNewer();
      }
      if (now - lastCancelCheck >= CANCEL_CHECK_NANOS) {
        lastCancelCheck = now;
        // cancelled, or put back in the queue while this node was too slow to say it is alive
        return !runs.isRunning(runId, job.getExecutionId());
      }
      return false;
    }
  }

  /** The worker's checkpoint file, mirrored into the database. */
  private static final class Checkpoints {
    private final TrainingRuns runs;
    private final UUID runId;
    private final Path file;
    private long storedModified = -1;
    private volatile long step;

    Checkpoints(TrainingRuns runs, UUID runId, Path file) {
      this.runs = runs;
      this.runId = runId;
      this.file = file;
    }

    boolean stored() {
      return runs.checkpoint(runId).isPresent();
    }

    void restore() throws java.io.IOException {
      var stored = runs.checkpoint(runId);
      if (stored.isPresent()) {
        Files.write(file, stored.get().state());
        storedModified = Files.getLastModifiedTime(file).toMillis();
        step = stored.get().step();
        LOG.info("Run " + runId + " resumes from its checkpoint at step " + step);
      }
    }

    void reached(long newStep) {
      step = newStep;
    }

    void storeIfNewer() {
      try {
        if (!Files.exists(file)) {
          return;
        }
        long modified = Files.getLastModifiedTime(file).toMillis();
        if (modified != storedModified) {
          runs.saveCheckpoint(runId, step, Files.readAllBytes(file));
          storedModified = modified;
        }
      } catch (java.io.IOException e) {
        // the worker may be replacing the file; the next tick stores it
      }
    }
  }
}
