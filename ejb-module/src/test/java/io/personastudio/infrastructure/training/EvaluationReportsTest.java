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
        "targets": [
          {"target": "hits1of20Style >= 1.5 x baseline (and > 0)", "model": 0.5, "baseline": 0.25,
            "bar": 0.375, "met": true, "bootstrapSupport": 0.93},
          {"target": "hits1of20Relevance >= 1.5 x baseline (and > 0)", "model": NaN,
            "baseline": 0.1, "bar": 0.15, "met": false, "bootstrapSupport": NaN},
          {"target": "styleFidelity >= 0.9 x styleCeiling", "model": 1.0, "baseline": 0.9,
            "bar": 0.855, "met": true, "bootstrapSupport": 0.99},
          {"target": "unigramF1 > baseline", "model": 0.31, "baseline": 0.2, "bar": 0.2,
            "met": true, "bootstrapSupport": 0.61}
        ],
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
  void keepsEachTargetsVerdictUnderTheFigureItIsAbout(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("evaluation.json"), REPORT);

    RunEvaluation e = EvaluationReports.read(file);

    assertThat(e.targets())
        .containsExactly(
            new RunEvaluation.Verdict(RunEvaluation.HITS_STYLE, true, 0.93),
            new RunEvaluation.Verdict(RunEvaluation.HITS_RELEVANCE, false, null),
            new RunEvaluation.Verdict(RunEvaluation.FIDELITY, true, 0.99),
            new RunEvaluation.Verdict(RunEvaluation.UNIGRAM_F1, true, 0.61));
    RunEvaluation stored = RunEvaluation.parse(e.toJson());
    assertThat(stored.targets()).isEqualTo(e.targets());
  }

  @Test
  void aReportWithoutTargetsKeepsItsFigures(@TempDir Path dir) throws Exception {
    String older = REPORT.replaceAll("(?s)\"targets\": \\[.*?\\],", "");
    assertThat(older).doesNotContain("bootstrapSupport");
    Path file = Files.writeString(dir.resolve("evaluation.json"), older);

    RunEvaluation e = EvaluationReports.read(file);

    assertThat(e.model().unigramF1()).isEqualTo(0.31);
    assertThat(e.targets()).isNull();
  }

  @Test
  void anUnreadableReportSaysSoInsteadOfFailingTheRun(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("evaluation.json"), "error: no held-out");

    assertThat(EvaluationReports.read(file).status()).isEqualTo("UNAVAILABLE");
  }
}
