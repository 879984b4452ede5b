package io.personastudio.infrastructure.training;

import io.personastudio.application.chat.PersonaRuntime;
import io.personastudio.application.training.TrainingQueue;
import io.personastudio.application.training.TrainingRuns;
import io.personastudio.domain.training.RunPhase;
import io.personastudio.infrastructure.config.StudioConfig;
import io.personastudio.ml.model.ModelArtifact;
import io.personastudio.ml.model.PersonaModel;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Files;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks that the worker's model loads and answers, stores it as a new model version and makes it
 * the persona's active one atomically; the previous version serves until that commit.
 */
@Named
@Dependent
public class PublishModelBatchlet extends RunStep {

  @Inject TrainingRuns runs;
  @Inject StudioConfig config;
  @Inject TrainingQueue queue;
  @Inject PersonaRuntime runtime;

  /** Whether the evaluate step measures the run's recipe after publishing (it takes a while). */
  @Inject
  @ConfigProperty(name = "persona.training.evaluate", defaultValue = "true")
  boolean evaluate;

  @Override
  String run(UUID runId) throws Exception {
    runs.entered(runId, RunPhase.PUBLISH); // the run keeps the step and total it trained
    byte[] artifact = Files.readAllBytes(RunWork.model(config, runId));
    PersonaModel model = ModelArtifact.fromBytes(artifact);
    String sample = model.reply(java.util.List.of("hello"));
    if (sample == null || sample.isBlank()) {
      throw new IllegalStateException("The trained model answered with an empty reply.");
    }
    long execution = job.getExecutionId();
    // the worker publishes what it has when the time budget ends: the run says so
    boolean byBudget = !model.info().completed();
    UUID published =
        runs.publish(
            runId,
            execution,
            new TrainingRuns.TrainedModel(ModelArtifact.FORMAT_VERSION, artifact, byBudget),
            evaluate);
    runtime.adopt(published, model, artifact.length); // the first reply here needs no reload
    // the evaluation that follows must not hold up the queue: the next training may start now
    queue.finished(runId, execution);
    return "PUBLISHED";
  }
}
