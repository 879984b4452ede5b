package io.personastudio.infrastructure.training;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.personastudio.application.training.RunEvaluation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the report of the ML unit's {@code evaluate} into the figures stored with a run. Only
 * figures are kept: the report's sample replies are chat content and never reach the database.
 */
final class EvaluationReports {
  private static final Set<String> FIGURES =
      Set.of(
          RunEvaluation.HITS_STYLE,
          RunEvaluation.HITS_RELEVANCE,
          RunEvaluation.FIDELITY,
          RunEvaluation.UNIGRAM_F1);

  private EvaluationReports() {}

  static RunEvaluation read(Path report) throws IOException {
    try (Reader in = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
      return of(JsonParser.parseReader(in).getAsJsonObject());
    } catch (JsonParseException | IllegalStateException e) {
      return RunEvaluation.unavailable("the evaluation's report was unreadable");
    }
  }

  static RunEvaluation of(JsonObject report) {
    return new RunEvaluation(
        RunEvaluation.DONE,
        null,
        integer(report, "testCases"),
        integer(report, "trainPairs"),
        number(report, "styleCeiling"),
        number(report, "trainingSeconds"),
        figures(report.getAsJsonObject("model")),
        figures(report.getAsJsonObject("baseline")),
        verdicts(report.get("targets")));
  }

  /**
   * The report names a target by its rule ("hits1of20Style >= 1.5 x baseline (and > 0)"); the run
   * keeps the figure it is about, which the pages word in the user's language.
   */
  private static List<RunEvaluation.Verdict> verdicts(JsonElement targets) {
    if (targets == null || !targets.isJsonArray()) {
      return null;
    }
    List<RunEvaluation.Verdict> verdicts = new ArrayList<>();
    for (JsonElement e : targets.getAsJsonArray()) {
      if (!e.isJsonObject() || !e.getAsJsonObject().has("target")) {
        continue;
      }
      JsonObject t = e.getAsJsonObject();
      String figure = t.get("target").getAsString().split(" ", 2)[0];
      JsonElement met = t.get("met");
      if (FIGURES.contains(figure) && met != null && met.isJsonPrimitive()) {
        verdicts.add(
            new RunEvaluation.Verdict(figure, met.getAsBoolean(), number(t, "bootstrapSupport")));
      }
    }
    return verdicts;
  }

  private static RunEvaluation.Figures figures(JsonObject f) {
    if (f == null) {
      return null;
    }
    return new RunEvaluation.Figures(
        number(f, "hits1of20Style"),
        number(f, "hits1of20Relevance"),
        number(f, "styleFidelity"),
        number(f, "unigramF1"),
        number(f, "distinct2"),
        number(f, "verbatimShare"),
        integer(f, "emptyReplies"),
        number(f, "generatedShare"),
        number(f, "replyMillisP50"),
        number(f, "replyMillisP99"));
  }

  /** A figure, or null where the report has none or could not measure it (NaN). */
  private static Double number(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || !e.isJsonPrimitive()) {
      return null;
    }
    try {
      double v = e.getAsDouble();
      return Double.isFinite(v) ? v : null;
    } catch (NumberFormatException ex) {
      return null;
    }
  }

  private static Integer integer(JsonObject o, String name) {
    Double v = number(o, name);
    return v == null ? null : (int) Math.round(v);
  }
}
