package io.personastudio.infrastructure.training;

import io.personastudio.application.training.TrainingRuns;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/**
 * Around every {@code train-persona} execution: before its first step it records itself as the
 * run's execution (a job that ends at once still finds itself the owner); after its last, a failed
 * or stopped job fails its run with the step's reason and {@link RunEnding} tidies up.
 */
@Named
@Dependent
public class TrainingRunListener extends AbstractJobListener {

  @Inject JobContext job;
  @Inject TrainingRuns runs;
  @Inject RunEnding ending;

  @Override
  public void beforeJob() {
    runs.jobStarted(runId(), job.getExecutionId());
  }

  @Override
  public void afterJob() {
    ending.jobEnded(
        runId(),
        job.getExecutionId(),
        job.getBatchStatus() == BatchStatus.COMPLETED,
        job.getExitStatus());
  }

  private UUID runId() {
    return UUID.fromString(BatchParameters.of(job.getExecutionId()).getProperty("runId"));
  }
}
