package io.personastudio.ml.train;

import java.time.Duration;

/**
 * Outcome of the relevance encoder's training loop.
 *
 * @param contextWeights vocabulary x dim projection of contexts
 * @param replyWeights vocabulary x dim projection of replies
 * @param steps steps done so far (including those before a resume)
 * @param totalSteps steps of a complete run
 * @param losses loss of every step done
 * @param completed true if all steps ran
 * @param elapsed wall time of this call
 */
public record EncoderTrainingResult(
    float[] contextWeights,
    float[] replyWeights,
    long steps,
    long totalSteps,
    float[] losses,
    boolean completed,
    Duration elapsed) {

  /** Mean loss over the last epoch's worth of steps (or all steps if fewer). */
  public float recentLoss(int window) {
    if (losses.length == 0) {
      return Float.NaN;
    }
    int from = Math.max(0, losses.length - Math.max(1, window));
    double sum = 0;
    for (int i = from; i < losses.length; i++) {
      sum += losses[i];
    }
    return (float) (sum / (losses.length - from));
  }
}
