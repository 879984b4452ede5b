package io.personastudio.infrastructure.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.application.training.RunEvaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportsTest {

  /** The shape the ML unit's {@code evaluate} prints (pretty, NaN allowed, samples included). */
  private static final String REPORT =
      """
      {
        "person": "Ana",
        "trainPairs": 96,
        "testCases": 24,
        "model": {"hits1of20Style": 0.5, "hits1of20Relevance": NaN, "styleFidelity": 1.0,
          "unigramF1": 0.31, "distinct2": 0.4, "verbatimShare": 0.2, "emptyReplies": 0,
          "replyMillisP50": 1.5, "replyMillisP99": 4.0, "rank20MillisP50": 0.3,
          "generatedShare": 0.25},
        "baseline": {"hits1of20Style": 0.25, "hits1of20Relevance": 0.1, "styleFidelity": 0.9,
          "unigramF1": 0.2, "distinct2": 0.3, "verbatimShare": 1.0, "emptyReplies": 0,
          "replyMillisP50": 0.1, "replyMillisP99": 0.2, "rank20MillisP50": 0.1,
          "generatedShare": 0.0},
        "styleCeiling": 0.95,
        "mainSpeakers": ["Ana", "Ben"],
        "trainingSeconds": 3.5,
        "trainingSteps": 120,
        "samples": [{"context": ["the secret plan"], "real": "marmalade", "model": "m",
          "baseline": "b"}]
      }
      """;

  @Test
  void keepsTheFiguresAndDropsTheChatContent(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("evaluation.json"), REPORT);

    RunEvaluation e = EvaluationReports.read(file);

    assertThat(e.status()).isEqualTo("DONE");
    assertThat(e.testCases()).isEqualTo(24);
    assertThat(e.trainReplies()).isEqualTo(96);
    assertThat(e.model().hits1of20Style()).isEqualTo(0.5);
    assertThat(e.model().hits1of20Relevance()).as("NaN: not measurable").isNull();
    assertThat(e.baseline().unigramF1()).isEqualTo(0.2);
    assertThat(e.toJson()).doesNotContain("secret").doesNotContain("marmalade");
  }

  @Test
  void anUnreadableReportSaysSoInsteadOfFailingTheRun(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("evaluation.json"), "error: no held-out");

    assertThat(EvaluationReports.read(file).status()).isEqualTo("UNAVAILABLE");
  }
}
