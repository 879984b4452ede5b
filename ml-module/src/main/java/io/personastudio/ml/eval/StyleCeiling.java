package io.personastudio.ml.eval;

import java.util.Random;

/**
 * The style ceiling and the person's held-out lines it was measured on: per line, 1 if the speaker
 * classifier, without that line, attributes it to the person, else 0 (see {@link
 * SpeakerClassifier#recognisedLeavingOneOut}). The lines are as few as the test has cases, so a
 * bootstrap redraws them as it redraws the cases.
 */
record StyleCeiling(double[] lines) {

  /** The ceiling: the share of lines recognised, 0 if there are none. */
  double value() {
    return lines.length == 0 ? 0 : TargetCheck.mean(lines);
  }

  /** The ceiling of one redraw of the lines with replacement (0 if there are none). */
  double resampled(Random random) {
    if (lines.length == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < lines.length; i++) {
      sum += lines[random.nextInt(lines.length)];
    }
    return sum / lines.length;
  }
}
