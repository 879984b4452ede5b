package io.personastudio.ml.train;

import io.personastudio.ml.chat.Participant;
import io.personastudio.ml.model.PersonaModel;
import java.time.Duration;

/**
 * Outcome of a persona training.
 *
 * @param model the trained model (also usable after an early stop)
 * @param person whom it imitates
 * @param personPairs the person's (context, reply) pairs: the reply pool
 * @param allPairs pairs of everyone the relevance encoder learnt from
 * @param encoder details of the DJL loop (steps, losses, completed)
 * @param elapsed wall time of the whole pipeline
 * @param generator details of the generator's DJL loop (null = not trained)
 */
public record TrainingResult(
    PersonaModel model,
    Participant person,
    int personPairs,
    int allPairs,
    EncoderTrainingResult encoder,
    Duration elapsed,
    GeneratorTrainer.Result generator) {

  /** True when every phase ran all its steps. */
  public boolean completed() {
    return encoder.completed() && (generator == null || generator.completed());
  }

  /** Steps done over both phases (encoder, then generator). */
  public long steps() {
    return encoder.steps() + (generator == null ? 0 : generator.steps());
  }

  /** Steps of a complete run over both phases. */
  public long totalSteps() {
    return encoder.totalSteps() + (generator == null ? 0 : generator.totalSteps());
  }
}
