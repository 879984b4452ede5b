package io.personastudio.interfaces.web;

import io.personastudio.application.training.LossPoint;
import io.personastudio.application.training.RunEvaluation;
import io.personastudio.application.training.RunView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a finished run tells about its model, each figure with a sentence that explains it: the
 * steps made and the loss's fall, then the held-out evaluation's figures next to the simple search
 * (the retrieval baseline) and, for each quality target, whether it is met and how firmly the test
 * messages say so.
 */
public final class PersonaFigures {

  /** One figure: its name, its value as shown, and what it means. */
  public record Figure(String name, String value, String meaning) {}

  /** The page's texts: a bundle key and its arguments, in the viewer's language. */
  @FunctionalInterface
  interface Wording {
    String text(String key, Object... args);
  }

  /** A verdict's support between these is a coin toss on the test messages. */
  private static final double FIRM_BELOW = 0.1;

  private static final double FIRM_ABOVE = 0.9;

  private PersonaFigures() {}

  /** The figures of a finished run; its loss curve gives the steps made and the loss's fall. */
  static List<Figure> of(RunView run, List<LossPoint> curve) {
    return of(run, curve, Texts::get);
  }

  static List<Figure> of(RunView run, List<LossPoint> curve, Wording words) {
    List<Figure> figures = new ArrayList<>();
    long steps = curve.isEmpty() ? run.step() : curve.get(curve.size() - 1).step();
    if (steps > 0) {
      figures.add(
          new Figure(
              words.text("persona.figure.steps"),
              Long.toString(steps),
              words.text("persona.figure.steps.meaning")));
    }
    if (!curve.isEmpty()) {
      figures.add(
          new Figure(
              words.text("persona.figure.loss"),
              decimal(curve.get(0).loss()) + " → " + decimal(curve.get(curve.size() - 1).loss()),
              words.text("persona.figure.loss.meaning")));
    } else if (run.loss() != null) {
      figures.add(
          new Figure(
              words.text("persona.figure.loss"),
              decimal(run.loss()),
              words.text("persona.figure.loss.meaning")));
    }
    RunEvaluation evaluation = run.evaluation();
    if (evaluation != null && RunEvaluation.DONE.equals(evaluation.status())) {
      figures.addAll(new EvaluationFigures(evaluation, words).all());
    }
    return figures;
  }

  /**
   * The dashboard's one line about a finished run: how often the model picks the person's real
   * reply (against the simple search) and how much it sounds like them; that it is being measured;
   * or "" when the run has no such figures.
   */
  static String summary(RunView run) {
    return summary(run, Texts::get);
  }

  static String summary(RunView run, Wording words) {
    RunEvaluation e = run == null ? null : run.evaluation();
    if (e == null || RunEvaluation.UNAVAILABLE.equals(e.status())) {
      return "";
    }
    if (RunEvaluation.PENDING.equals(e.status())) {
      return words.text("dashboard.figures.measuring");
    }
    RunEvaluation.Figures model = e.model();
    RunEvaluation.Figures search = e.baseline();
    if (model == null
        || search == null
        || model.hits1of20Style() == null
        || search.hits1of20Style() == null
        || model.styleFidelity() == null
        || e.styleCeiling() == null) {
      return "";
    }
    return words.text(
        "dashboard.figures.done",
        model.hits1of20Style(),
        search.hits1of20Style(),
        model.styleFidelity(),
        e.styleCeiling());
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  /** The held-out evaluation's figures, worded. */
  private record EvaluationFigures(RunEvaluation e, Wording words) {

    List<Figure> all() {
      List<Figure> figures = new ArrayList<>();
      if (e.testCases() != null) {
        figures.add(
            new Figure(
                words.text("persona.figure.testCases"),
                Integer.toString(e.testCases()),
                words.text(
                    "persona.figure.testCases.meaning",
                    e.trainReplies() == null ? 0 : e.trainReplies())));
      }
      RunEvaluation.Figures model = e.model();
      RunEvaluation.Figures search = e.baseline() == null ? NONE : e.baseline();
      if (model == null) {
        return figures;
      }
      compared(
          figures,
          RunEvaluation.HITS_STYLE,
          "persona.figure.percent",
          model.hits1of20Style(),
          search.hits1of20Style());
      compared(
          figures,
          RunEvaluation.HITS_RELEVANCE,
          "persona.figure.percent",
          model.hits1of20Relevance(),
          search.hits1of20Relevance());
      if (model.styleFidelity() != null) {
        String value =
            e.styleCeiling() == null
                ? words.text("persona.figure.percent.alone", model.styleFidelity())
                : words.text(
                    "persona.figure.styleFidelity.value", model.styleFidelity(), e.styleCeiling());
        figures.add(figure(RunEvaluation.FIDELITY, value));
      }
      compared(
          figures,
          RunEvaluation.UNIGRAM_F1,
          "persona.figure.decimal",
          model.unigramF1(),
          search.unigramF1());
      if (model.generatedShare() != null) {
        figures.add(
            figure(
                "generatedShare",
                words.text("persona.figure.percent.alone", model.generatedShare())));
      }
      return figures;
    }

    private void compared(
        List<Figure> figures, String name, String format, Double model, Double search) {
      if (model == null) {
        return;
      }
      String value =
          search == null ? words.text(format + ".alone", model) : words.text(format, model, search);
      figures.add(figure(name, value));
    }

    private Figure figure(String name, String value) {
      String meaning = words.text("persona.figure." + name + ".meaning");
      String verdict = verdict(name);
      return new Figure(
          words.text("persona.figure." + name),
          value,
          verdict.isEmpty() ? meaning : meaning + " " + verdict);
    }

    /** The target's verdict on this split, or "" (no target, or stored before verdicts were). */
    private String verdict(String name) {
      if (e.targets() == null) {
        return "";
      }
      return e.targets().stream()
          .filter(t -> t.target().equals(name))
          .findFirst()
          .map(this::worded)
          .orElse("");
    }

    private String worded(RunEvaluation.Verdict v) {
      String target = words.text("persona.target." + v.target());
      if (v.support() == null) {
        return words.text(v.met() ? "persona.verdict.met" : "persona.verdict.missed", target);
      }
      String firmness =
          v.support() > FIRM_BELOW && v.support() < FIRM_ABOVE
              ? "persona.verdict.uncertain"
              : "persona.verdict.firm";
      return words.text(
          (v.met() ? "persona.verdict.met.support" : "persona.verdict.missed.support"),
          target,
          v.support(),
          words.text(firmness, e.testCases() == null ? 0 : e.testCases()));
    }

    private static final RunEvaluation.Figures NONE =
        new RunEvaluation.Figures(null, null, null, null, null, null, null, null, null, null);
  }
}
