package io.personastudio.infrastructure.training;

import jakarta.batch.runtime.context.JobContext;
import java.util.UUID;
import java.util.concurrent.Callable;

/** What the steps of {@code train-persona} share: the run id, and failure reasons kept for it. */
final class JobRuns {

  private JobRuns() {}

  static UUID runId(JobContext job) {
    return UUID.fromString(BatchParameters.of(job.getExecutionId()).getProperty("runId"));
  }

  /** Runs a step; a failure's message becomes the job's exit status, which the listener stores. */
  static String reportingFailure(JobContext job, Callable<String> step) throws Exception {
    try {
      return step.call();
    } catch (Exception e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      job.setExitStatus(reason);
      throw e;
    }
  }
}
