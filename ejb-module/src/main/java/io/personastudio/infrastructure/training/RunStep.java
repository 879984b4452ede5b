package io.personastudio.infrastructure.training;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * A step of {@code train-persona}: it works on the run named by the job's parameters, and a
 * failure's message becomes the job's exit status, which {@link TrainingRunListener} stores on the
 * run as the reason a user reads.
 */
abstract class RunStep extends AbstractBatchlet {

  @Inject JobContext job;

  @Override
  public final String process() throws Exception {
    UUID runId = UUID.fromString(BatchParameters.of(job.getExecutionId()).getProperty("runId"));
    try {
      return run(runId);
    } catch (Exception e) {
      job.setExitStatus(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      throw e;
    }
  }

  /** Does the step's work; returns the step's exit status. */
  abstract String run(UUID runId) throws Exception;
}
