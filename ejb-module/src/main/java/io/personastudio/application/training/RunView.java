package io.personastudio.application.training;

import io.personastudio.domain.training.TrainingRun;
import java.util.UUID;

/** Progress and outcome of a run, as the website and the API show it. */
public record RunView(
    UUID id,
    UUID personaId,
    String status,
    String phase,
    float percent,
    long step,
    long totalSteps,
    Float loss,
    Long etaSeconds,
    String failureReason,
    String metrics) {

  static RunView of(TrainingRun r) {
    return new RunView(
        r.id(),
        r.personaId(),
        r.status().name(),
        r.phase().name(),
        r.percent(),
        r.step(),
        r.totalSteps(),
        r.loss().orElse(null),
        r.etaSeconds().orElse(null),
        r.failureReason().orElse(null),
        r.metrics().orElse(null));
  }
}
