package io.personastudio.infrastructure.training;

import io.personastudio.application.training.TrainingRuns;
import io.personastudio.domain.persona.Persona;
import io.personastudio.domain.training.RunPhase;
import io.personastudio.infrastructure.config.StudioConfig;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.util.UUID;

/** Trains the model in a supervised worker JVM, reporting its progress on the run. */
@Named
@Dependent
public class TrainModelBatchlet extends AbstractBatchlet {

  @Inject JobContext job;
  @Inject TrainingRuns runs;
  @Inject MessageStore messages;
  @Inject StudioConfig config;

  private volatile boolean stopRequested;

  @Override
  public String process() throws Exception {
    UUID runId = JobRuns.runId(job);
    return JobRuns.reportingFailure(
        job,
        () -> {
          var run = runs.view(runId).orElseThrow();
          Persona persona = runs.persona(run.personaId()).orElseThrow();
          Path export = RunWork.export(config, runId);
          messages.exportForTraining(runs.latestImport(persona.id()).orElseThrow().id(), export);
          runs.progress(runId, RunPhase.TRAIN, 0, 0, null, null);
          long[] lastCheck = {System.nanoTime()};
          TrainingWorker.run(
              new TrainingWorker.Job(
                  config.workerJar(),
                  config.workerHeap(),
                  export,
                  persona.person(),
                  RunWork.model(config, runId),
                  runs.seed(runId),
                  config.trainingMinutes(),
                  persona.scrub()),
              p ->
                  runs.progress(
                      runId, RunPhase.TRAIN, p.step(), p.totalSteps(), p.loss(), p.etaSeconds()),
              () -> stopRequested || cancelledSince(runId, lastCheck));
          return "TRAINED";
        });
  }

  /** Asks the database at most every 5 s whether the run was cancelled. */
  private boolean cancelledSince(UUID runId, long[] lastCheck) {
    long now = System.nanoTime();
    if (now - lastCheck[0] < 5_000_000_000L) {
      return false;
    }
    lastCheck[0] = now;
    return !runs.isRunning(runId);
  }

  @Override
  public void stop() {
    stopRequested = true;
  }
}
