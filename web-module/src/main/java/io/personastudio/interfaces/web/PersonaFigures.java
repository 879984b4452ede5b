package io.personastudio.interfaces.web;

import io.personastudio.application.training.LossPoint;
import io.personastudio.application.training.RunEvaluation;
import io.personastudio.application.training.RunView;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a finished run tells about its model, each figure with a sentence that explains it. The run
 * always has its step count and last loss; evaluation figures stored on the run (a JSON object of
 * named numbers) are added with their own explanation when the bundle has one.
 */
public final class PersonaFigures {

  /** One figure: its name, its value as shown, and what it means. */
  public record Figure(String name, String value, String meaning) {}

  private PersonaFigures() {}

  /** The figures of a finished run; its loss curve gives the steps made and the loss's fall. */
  static List<Figure> of(RunView run, List<LossPoint> curve) {
    List<Figure> figures = new ArrayList<>();
    long steps = curve.isEmpty() ? run.step() : curve.get(curve.size() - 1).step();
    if (steps > 0) {
      figures.add(
          new Figure(
              Texts.get("persona.figure.steps"),
              Long.toString(steps),
              Texts.get("persona.figure.steps.meaning")));
    }
    if (!curve.isEmpty()) {
      figures.add(
          new Figure(
              Texts.get("persona.figure.loss"),
              decimal(curve.get(0).loss()) + " → " + decimal(curve.get(curve.size() - 1).loss()),
              Texts.get("persona.figure.loss.meaning")));
    } else if (run.loss() != null) {
      figures.add(
          new Figure(
              Texts.get("persona.figure.loss"),
              decimal(run.loss()),
              Texts.get("persona.figure.loss.meaning")));
    }
    figures.addAll(evaluation(metrics(run.evaluation())));
    return figures;
  }

  /**
   * The evaluation's figures of the model as one flat JSON object of named numbers (the baseline's
   * with a {@code baseline} prefix), or null while there are none.
   */
  static String metrics(RunEvaluation evaluation) {
    if (evaluation == null || !RunEvaluation.DONE.equals(evaluation.status())) {
      return null;
    }
    var json = Json.createObjectBuilder();
    put(json, "", evaluation.model());
    put(json, "baseline", evaluation.baseline());
    if (evaluation.testCases() != null) {
      json.add("testCases", evaluation.testCases());
    }
    return json.build().toString();
  }

  private static void put(
      jakarta.json.JsonObjectBuilder json, String prefix, RunEvaluation.Figures f) {
    if (f == null) {
      return;
    }
    java.util.Map<String, Number> values = new java.util.LinkedHashMap<>();
    values.put("hits1of20Style", f.hits1of20Style());
    values.put("hits1of20Relevance", f.hits1of20Relevance());
    values.put("styleFidelity", f.styleFidelity());
    values.put("unigramF1", f.unigramF1());
    values.put("generatedShare", f.generatedShare());
    values.forEach(
        (name, value) -> {
          if (value != null) {
            String key =
                prefix.isEmpty()
                    ? name
                    : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
            json.add(key, value.doubleValue());
          }
        });
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  private static List<Figure> evaluation(String metrics) {
    if (metrics == null || metrics.isBlank()) {
      return List.of();
    }
    JsonObject object;
    try (var reader = Json.createReader(new StringReader(metrics))) {
      object = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      return List.of(
          new Figure(
              Texts.get("persona.figure.evaluation"),
              metrics,
              Texts.get("persona.figure.evaluation.meaning")));
    }
    List<Figure> figures = new ArrayList<>();
    object.forEach(
        (name, value) -> {
          String key = "persona.figure." + name;
          String label = Texts.get(key);
          String meaning = Texts.get(key + ".meaning");
          figures.add(
              new Figure(
                  label.equals(key) ? name : label,
                  shown(value),
                  meaning.equals(key + ".meaning")
                      ? Texts.get("persona.figure.evaluation.meaning")
                      : meaning));
        });
    return figures;
  }

  private static String shown(JsonValue value) {
    return switch (value.getValueType()) {
      case NUMBER -> {
        double d = ((jakarta.json.JsonNumber) value).doubleValue();
        yield d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : decimal(d);
      }
      case STRING -> ((jakarta.json.JsonString) value).getString();
      default -> value.toString();
    };
  }
}
