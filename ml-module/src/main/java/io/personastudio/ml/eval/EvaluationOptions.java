package io.personastudio.ml.eval;

import io.personastudio.ml.MlException;

/**
 * How an evaluation splits and presents the chat.
 *
 * @param testFraction the later share of the chat (by time) held out for testing, in (0, 1)
 * @param scrub replace e-mail addresses, phone and card numbers and links by placeholders before
 *     the split, as {@code train --scrub} does: training, test cases and baseline all see the
 *     scrubbed text
 * @param historyTurns earlier turns a test case hands the model and the baseline; 0 = as many as a
 *     training pair's context holds (the protocol's "up to 3 preceding messages"); 12 = what the
 *     Telegram bot hands in
 */
public record EvaluationOptions(double testFraction, boolean scrub, int historyTurns) {
  public static final int MAX_HISTORY_TURNS = 100;

  public EvaluationOptions {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new MlException("--test-fraction must be between 0 and 1, got " + testFraction);
    }
    if (historyTurns < 0 || historyTurns > MAX_HISTORY_TURNS) {
      throw new MlException(
          "--history must be between 0 and " + MAX_HISTORY_TURNS + " turns, got " + historyTurns);
    }
  }

  /** The protocol's evaluation: no scrubbing, test cases with a training pair's context. */
  public static EvaluationOptions protocol(double testFraction) {
    return new EvaluationOptions(testFraction, false, 0);
  }
}
