package io.personastudio.ml.eval;

import io.personastudio.ml.eval.EvaluationReport.CaseScores;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.IntStream;

/**
 * The quality targets for one evaluation, each with its support: the share of paired
 * bootstrap resamples of the test cases (model and baseline on the same resampled cases) in which
 * it holds. Test sets of 8 to 64 cases make a single figure a coin toss near the bar; the support
 * says whether a met or missed target is more than that. The style ceiling is measured on as few
 * lines of the person as the test has cases, so each resample also redraws those lines (apart from
 * the cases: the ceiling's lines are all the person's held-out lines, classified without context)
 * and sets the fidelity bar from them: a bar of 0.9 x 1 of 8 lines is no firmer than the model's 1
 * of 8 replies.
 */
final class TargetCheck {
  static final int RESAMPLES = 2_000;

  /**
   * A target: the bar the model's figure has to reach, from the baseline's figure and the ceiling;
   * whether it has to lie strictly above it; whether a figure of 0 can meet it.
   */
  private record Rule(DoubleBinaryOperator bar, boolean strictlyAbove, boolean needsMoreThanZero) {
    static final Rule ONE_AND_A_HALF_TIMES_THE_BASELINE = new Rule((b, c) -> 1.5 * b, false, true);
    static final Rule NINE_TENTHS_OF_THE_CEILING = new Rule((b, c) -> 0.9 * c, false, false);
    static final Rule ABOVE_THE_BASELINE = new Rule((b, c) -> b, true, false);

    double bar(double baseline, double ceiling) {
      return bar.applyAsDouble(baseline, ceiling);
    }

    boolean holds(double model, double baseline, double ceiling) {
      double needed = bar(baseline, ceiling);
      return (strictlyAbove ? model > needed : model >= needed)
          && (!needsMoreThanZero || model > 0);
    }
  }

  private TargetCheck() {}

  static List<EvaluationReport.Target> check(
      CaseScores model, CaseScores baseline, StyleCeiling ceiling, long seed) {
    return List.of(
        target(
            "hits1of20Style >= 1.5 x baseline (and > 0)",
            model.hitsStyle(),
            baseline.hitsStyle(),
            ceiling,
            Rule.ONE_AND_A_HALF_TIMES_THE_BASELINE,
            seed),
        target(
            "hits1of20Relevance >= 1.5 x baseline (and > 0)",
            model.hitsRelevance(),
            baseline.hitsRelevance(),
            ceiling,
            Rule.ONE_AND_A_HALF_TIMES_THE_BASELINE,
            seed + 1),
        target(
            "styleFidelity >= 0.9 x styleCeiling",
            model.fidelity(),
            baseline.fidelity(),
            ceiling,
            Rule.NINE_TENTHS_OF_THE_CEILING,
            seed + 2),
        target(
            "unigramF1 > baseline",
            model.unigramF1(),
            baseline.unigramF1(),
            ceiling,
            Rule.ABOVE_THE_BASELINE,
            seed + 3));
  }

  private static EvaluationReport.Target target(
      String name, double[] model, double[] baseline, StyleCeiling ceiling, Rule rule, long seed) {
    int n = model.length;
    double m = mean(model);
    double b = mean(baseline);
    boolean met = !Double.isNaN(m) && rule.holds(m, b, ceiling.value());
    Random random = new Random(seed);
    Random ceilingRandom = new Random(~seed);
    int[] pick = new int[n];
    int usable = 0;
    int holding = 0;
    for (int r = 0; r < RESAMPLES; r++) {
      for (int i = 0; i < n; i++) {
        pick[i] = random.nextInt(n);
      }
      double resampledCeiling = ceiling.resampled(ceilingRandom);
      double rm = mean(model, pick);
      if (Double.isNaN(rm)) {
        continue;
      }
      usable++;
      if (rule.holds(rm, mean(baseline, pick), resampledCeiling)) {
        holding++;
      }
    }
    return new EvaluationReport.Target(
        name,
        m,
        b,
        rule.bar(b, ceiling.value()),
        met,
        usable == 0 ? Double.NaN : holding / (double) usable);
  }

  /** Mean over the cases that have a value (NaN if none has). */
  static double mean(double[] values) {
    return mean(values, IntStream.range(0, values.length).toArray());
  }

  /** Mean over the picked cases that have a value (NaN if none has). */
  private static double mean(double[] values, int[] picked) {
    double sum = 0;
    int count = 0;
    for (int i : picked) {
      if (!Double.isNaN(values[i])) {
        sum += values[i];
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }
}
