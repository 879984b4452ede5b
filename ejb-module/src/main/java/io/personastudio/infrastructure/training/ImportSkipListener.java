package io.personastudio.infrastructure.training;

import io.personastudio.application.training.TrainingRuns;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Counts every record the import skipped on the run and keeps the first reasons to show. */
@Named
@Dependent
public class ImportSkipListener implements SkipProcessListener {

  @Inject JobContext job;
  @Inject TrainingRuns runs;

  @Override
  public void onSkipProcessItem(Object item, Exception e) {
    runs.skipped(BatchParameters.runId(job), ((ImportedMessage) item).position(), e.getMessage());
  }
}
