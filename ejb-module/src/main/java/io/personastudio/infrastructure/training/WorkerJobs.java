package io.personastudio.infrastructure.training;

import io.personastudio.application.training.TrainingRuns;
import io.personastudio.domain.persona.Persona;
import io.personastudio.infrastructure.config.StudioConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.UUID;

/** How a run's training worker is to train: its input, person, model file, seed and budget. */
@Dependent
public class WorkerJobs {

  @Inject TrainingRuns runs;
  @Inject StudioConfig config;

  TrainingWorker.Job of(UUID runId) {
    Persona persona = runs.persona(runs.view(runId).orElseThrow().personaId()).orElseThrow();
    return new TrainingWorker.Job(
        config.workerJar(),
        config.workerHeap(),
        RunWork.export(config, runId),
        persona.person(),
        RunWork.model(config, runId),
        runs.seed(runId),
        config.trainingMinutes(),
        persona.scrub());
  }
}
