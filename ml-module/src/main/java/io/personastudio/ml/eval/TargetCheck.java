package io.personastudio.ml.eval;

import java.util.List;
import java.util.Random;

/**
 * The quality targets for one evaluation, each with its support: the share of paired
 * bootstrap resamples of the test cases (model and baseline on the same resampled cases) in which
 * it holds. Test sets of 8 to 64 cases make a single figure a coin toss near the bar; the support
 * says whether a met or missed target is more than that.
 */
final class TargetCheck {
  static final int RESAMPLES = 2_000;

  /**
   * Per test case, model or baseline: 1 or 0 for a hit, or NaN where the case had too few
   * distractors; 1 or 0 for a reply the classifier gives to the person; the reply's unigram F1.
   */
  record CaseScores(
      double[] hitsStyle, double[] hitsRelevance, double[] fidelity, double[] unigramF1) {}

  private enum Rule {
    AT_LEAST_ONE_AND_A_HALF_TIMES_THE_BASELINE {
      @Override
      double bar(double baseline, double ceiling) {
        return 1.5 * baseline;
      }

      @Override
      boolean holds(double model, double baseline, double ceiling) {
        return model > 0 && model >= 1.5 * baseline;
      }
    },
    AT_LEAST_NINE_TENTHS_OF_THE_CEILING {
      @Override
      double bar(double baseline, double ceiling) {
        return 0.9 * ceiling;
      }

      @Override
      boolean holds(double model, double baseline, double ceiling) {
        return model >= 0.9 * ceiling;
      }
    },
    ABOVE_THE_BASELINE {
      @Override
      double bar(double baseline, double ceiling) {
        return baseline;
      }

      @Override
      boolean holds(double model, double baseline, double ceiling) {
        return model > baseline;
      }
    };

    abstract double bar(double baseline, double ceiling);

    abstract boolean holds(double model, double baseline, double ceiling);
  }

  private TargetCheck() {}

  static List<EvaluationReport.Target> check(
      CaseScores model, CaseScores baseline, double ceiling, long seed) {
    return List.of(
        target(
            "hits1of20Style >= 1.5 x baseline (and > 0)",
            model.hitsStyle(),
            baseline.hitsStyle(),
            ceiling,
            Rule.AT_LEAST_ONE_AND_A_HALF_TIMES_THE_BASELINE,
            seed),
        target(
            "hits1of20Relevance >= 1.5 x baseline (and > 0)",
            model.hitsRelevance(),
            baseline.hitsRelevance(),
            ceiling,
            Rule.AT_LEAST_ONE_AND_A_HALF_TIMES_THE_BASELINE,
            seed + 1),
        target(
            "styleFidelity >= 0.9 x styleCeiling",
            model.fidelity(),
            baseline.fidelity(),
            ceiling,
            Rule.AT_LEAST_NINE_TENTHS_OF_THE_CEILING,
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
      String name, double[] model, double[] baseline, double ceiling, Rule rule, long seed) {
    int n = model.length;
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    double m = mean(model, all);
    double b = mean(baseline, all);
    boolean met = !Double.isNaN(m) && rule.holds(m, b, ceiling);
    Random random = new Random(seed);
    int[] pick = new int[n];
    int usable = 0;
    int holding = 0;
    for (int r = 0; r < RESAMPLES; r++) {
      for (int i = 0; i < n; i++) {
        pick[i] = random.nextInt(n);
      }
      double rm = mean(model, pick);
      if (Double.isNaN(rm)) {
        continue;
      }
      usable++;
      if (rule.holds(rm, mean(baseline, pick), ceiling)) {
        holding++;
      }
    }
    return new EvaluationReport.Target(
        name,
        m,
        b,
        rule.bar(b, ceiling),
        met,
        usable == 0 ? Double.NaN : holding / (double) usable);
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
