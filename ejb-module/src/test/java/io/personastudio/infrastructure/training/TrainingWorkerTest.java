package io.personastudio.infrastructure.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrainingWorkerTest {

  private static TrainingWorker.Evaluation evaluation(boolean scrub) {
    return new TrainingWorker.Evaluation(
        Path.of("persona-ml.jar"),
        "512m",
        Path.of("chat.json"),
        "Alice",
        42,
        scrub,
        Path.of("evaluation.json"));
  }

  @Test
  void aScrubbedPersonaIsEvaluatedOnScrubbedText() {
    assertThat(TrainingWorker.command(evaluation(true)))
        .containsSequence("evaluate", "--input", "chat.json")
        .containsSequence("--person", "Alice", "--seed", "42")
        .contains("--scrub");
  }

  @Test
  void anUnscrubbedPersonaIsEvaluatedOnTheTextAsItWas() {
    assertThat(TrainingWorker.command(evaluation(false)))
        .contains("evaluate")
        .doesNotContain("--scrub");
  }
}
