package io.personastudio.infrastructure.training;

import jakarta.batch.runtime.BatchRuntime;
import java.util.Properties;

/** The parameters a job execution was started with. */
final class BatchParameters {

  private BatchParameters() {}

  static Properties of(long executionId) {
    return BatchRuntime.getJobOperator().getParameters(executionId);
  }
}
