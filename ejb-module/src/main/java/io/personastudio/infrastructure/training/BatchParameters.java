package io.personastudio.infrastructure.training;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import java.util.Properties;
import java.util.UUID;

/** The parameters a job execution was started with. */
final class BatchParameters {

  private BatchParameters() {}

  static Properties of(long executionId) {
    return BatchRuntime.getJobOperator().getParameters(executionId);
  }

  /** The training run the job works on. */
  static UUID runId(JobContext job) {
    return UUID.fromString(of(job.getExecutionId()).getProperty("runId"));
  }
}
