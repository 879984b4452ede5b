package io.personastudio.infrastructure.training;

import io.personastudio.application.persona.PersonaService;
import io.personastudio.application.training.TrainingQueue;
import io.personastudio.application.training.TrainingRuns;
import io.personastudio.infrastructure.config.StudioConfig;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/**
 * After every {@code train-persona} execution: a failed or stopped job fails its run with the
 * step's reason; the run's working folder (the decrypted chat) is always deleted; the queue gets
 * its slot back.
 */
@Named
@Dependent
public class TrainingRunListener extends AbstractJobListener {

  @Inject JobContext job;
  @Inject TrainingRuns runs;
  @Inject TrainingQueue queue;
  @Inject StudioConfig config;
  @Inject PersonaService personas;

  @Override
  public void afterJob() {
    UUID runId = UUID.fromString(BatchParameters.of(job.getExecutionId()).getProperty("runId"));
    try {
      if (job.getBatchStatus() != BatchStatus.COMPLETED) {
        String reason = job.getExitStatus();
        runs.failed(
            runId, reason == null || reason.isBlank() ? "the training job stopped" : reason);
        runs.view(runId)
            .flatMap(v -> runs.latestImport(v.personaId()))
            .ifPresent(chat -> PersonaService.deleteQuietly(personas.uploadOf(chat.id())));
      }
    } finally {
      if (!Boolean.getBoolean("persona.debug.keep-work")) {
        RunWork.delete(config, runId);
      }
      queue.finished(runId);
    }
  }
}
