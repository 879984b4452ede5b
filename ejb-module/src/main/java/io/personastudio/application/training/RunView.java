package io.personastudio.application.training;

import io.personastudio.domain.training.RunPhase;
import io.personastudio.domain.training.TrainingRun;
import java.util.List;
import java.util.UUID;

/**
 * Progress and outcome of a run, as the website and the API show it: phase and percent, the
 * import's skipped bad records (count and the first reasons, by position, never by content), the
 * failure reason, and the evaluation figures once the model is published. {@code stoppedByBudget}:
 * the training hit its time budget and the published model is that of {@code step} of the planned
 * {@code totalSteps}.
 */
public record RunView(
    UUID id,
    UUID personaId,
    String status,
    String phase,
    float percent,
    long step,
    long totalSteps,
    boolean stoppedByBudget,
    Float loss,
    Long etaSeconds,
    String failureReason,
    int skippedRecords,
    List<String> skipReasons,
    RunEvaluation evaluation) {

  static RunView of(TrainingRun r, List<String> skipReasons) {
    return new RunView(
        r.id(),
        r.personaId(),
        r.status().name(),
        r.phase().name(),
        r.percent(),
        r.step(),
        r.totalSteps(),
        r.stoppedByBudget(),
        r.loss().orElse(null),
        r.etaSeconds().orElse(null),
        r.failureReason().orElse(null),
        r.skippedRecords(),
        skipReasons,
        evaluation(r));
  }

  /** Null until the model is published; pending while it is measured. */
  private static RunEvaluation evaluation(TrainingRun r) {
    if (r.metrics().isPresent()) {
      return RunEvaluation.parse(r.metrics().get());
    }
    return r.phase() == RunPhase.EVALUATE ? RunEvaluation.pending() : null;
  }
}
