package io.personastudio.infrastructure.training;

import io.personastudio.application.training.RunEvaluation;
import io.personastudio.application.training.RunView;
import io.personastudio.application.training.TrainingRuns;
import io.personastudio.domain.persona.Persona;
import io.personastudio.infrastructure.config.StudioConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Measures the published model's recipe with the protocol of the shared corpora, in a worker JVM
 * like training: the ML unit's {@code evaluate} trains the same hyper-parameters with the run's
 * seed on the earlier 80 % of the chat and measures on the later 20 %, TF-IDF baseline alongside.
 * It runs after publishing, so the persona is READY meanwhile (phase EVALUATE); the published model
 * itself is never measured on messages it learnt from. An evaluation that cannot be made (too few
 * held-out replies, a time-out) stores the reason instead of figures and never fails the run.
 */
@Named
@Dependent
public class EvaluateModelBatchlet extends RunStep {

  @Inject TrainingRuns runs;
  @Inject MessageStore messages;
  @Inject StudioConfig config;

  @Inject
  @ConfigProperty(name = "persona.training.evaluation-minutes", defaultValue = "30")
  int minutes;

  private volatile boolean stopRequested;

  @Override
  String run(UUID runId) throws Exception {
    RunView run = runs.view(runId).orElseThrow();
    if (run.evaluation() == null || !RunEvaluation.PENDING.equals(run.evaluation().status())) {
      return "NOT_EVALUATED";
    }
    Persona persona = runs.persona(run.personaId()).orElseThrow();
    Path export = RunWork.export(config, runId);
    if (!Files.exists(export)) { // resumed on another node after publishing
      messages.exportForTraining(runs.latestImport(persona.id()).orElseThrow().id(), export);
    }
    Path report = RunWork.dir(config, runId).resolve("evaluation.json");
    TrainingWorker.Evaluation job =
        new TrainingWorker.Evaluation(
            config.workerJar(),
            config.workerHeap(),
            export,
            persona.person(),
            runs.seed(runId),
            persona.scrub(),
            report);
    RunEvaluation figures;
    try {
      TrainingWorker.evaluate(job, minutes, new Beat(runId)::stopped);
      figures = EvaluationReports.read(report);
    } catch (TrainingWorker.Failed | java.io.IOException e) {
      figures = RunEvaluation.unavailable(e.getMessage());
    }
    runs.evaluated(runId, figures);
    return figures.status();
  }

  @Override
  public void stop() {
    stopRequested = true;
  }

  /**
   * Asked every second by the worker's supervisor: stops it when the run was deleted, and says
   * every ten seconds that the evaluation is alive (a silent one is ended by the supervisor of any
   * node).
   */
  private final class Beat {
    private static final long BEAT_NANOS = 10_000_000_000L;
    private final UUID runId;
    private long last = System.nanoTime();

    Beat(UUID runId) {
      this.runId = runId;
    }

    boolean stopped() {
      if (stopRequested) {
        return true;
      }
      long now = System.nanoTime();
      if (now - last >= BEAT_NANOS) {
        last = now;
        runs.heartbeat(runId);
      }
      return !runs.exists(runId);
    }
  }
}
