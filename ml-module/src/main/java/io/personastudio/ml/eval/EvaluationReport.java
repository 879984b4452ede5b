package io.personastudio.ml.eval;

import java.util.List;

/**
 * Figures of one evaluation run, model and baseline side by side.
 *
 * @param person the person imitated
 * @param trainPairs the person's training replies
 * @param testCases held-out replies of the person evaluated
 * @param model figures of the persona model
 * @param baseline figures of the TF-IDF retrieval baseline on the same split
 * @param styleCeiling the speaker classifier's recall on the person's real held-out lines, each
 *     classified by the classifier trained on all held-out lines but that one: what a line the
 *     classifier never saw, as the model's replies are, can expect at best
 * @param styleCeilingInSample the classifier's recall on the person's held-out lines it was trained
 *     on (the ceiling as first defined; near 1 because the classifier remembers them)
 * @param styleOfTrainingReplies share of the person's training replies that the classifier, which
 *     knows the speakers from the held-out period only, attributes to the person: the fidelity of
 *     answering with a random one of the person's own earlier lines, so how far copying can go when
 *     the person's topics change between the periods
 * @param targets the quality targets for this run: met or not, and how often they hold when
 *     the test cases are resampled
 * @param mainSpeakers speakers the style classifier tells apart
 * @param trainingSeconds wall time of training
 * @param trainingSteps DJL steps of the relevance encoder
 * @param samples a few (context, real, model, baseline) examples
 * @param cases every test case's scores, model and baseline, in test-case order: what the figures
 *     and targets are computed from, so runs on several splits can be pooled and resampled alike
 */
public record EvaluationReport(
    String person,
    int trainPairs,
    int testCases,
    Figures model,
    Figures baseline,
    double styleCeiling,
    double styleCeilingInSample,
    double styleOfTrainingReplies,
    List<Target> targets,
    List<String> mainSpeakers,
    double trainingSeconds,
    long trainingSteps,
    List<Sample> samples,
    Cases cases) {

  /**
   * @param hits1of20Style Hits@1/20 with distractors from the other speakers' held-out lines
   * @param hits1of20Relevance Hits@1/20 with distractors from any held-out line
   * @param styleFidelity share of generated replies the classifier attributes to the person
   * @param unigramF1 mean unigram F1 of generated vs real reply
   * @param distinct2 distinct bigrams over all bigrams of the generated replies
   * @param verbatimShare share of generated replies equal to a training line
   * @param emptyReplies generated replies that were empty
   * @param replyMillisP50 median reply latency
   * @param replyMillisP99 99th percentile reply latency
   * @param rank20MillisP50 median latency of ranking 20 candidates
   * @param generatedShare share of replies produced by the generator (the rest are retrieved)
   * @param generatorSampledShare share of replies for which the generator was run at all (it is
   *     skipped when its best possible candidate cannot beat the retrieved reply)
   */
  public record Figures(
      double hits1of20Style,
      double hits1of20Relevance,
      double styleFidelity,
      double unigramF1,
      double distinct2,
      double verbatimShare,
      int emptyReplies,
      double replyMillisP50,
      double replyMillisP99,
      double rank20MillisP50,
      double generatedShare,
      double generatorSampledShare) {}

  /**
   * @param target what has to hold
   * @param model the model's figure
   * @param baseline the baseline's figure on the same cases
   * @param bar what the model's figure has to reach (1.5 x the baseline's, 0.9 x the ceiling, or
   *     more than the baseline's)
   * @param met whether it holds on this run's test cases
   * @param bootstrapSupport share of 2,000 paired resamples of the test cases (and, for the style
   *     ceiling, of the person's held-out lines) in which it holds: near 1 or 0 is a firm result,
   *     near one half a coin toss on this test set
   */
  public record Target(
      String target,
      double model,
      double baseline,
      double bar,
      boolean met,
      double bootstrapSupport) {}

  /**
   * Per test case, model or baseline: 1 or 0 for a hit, or NaN where the case had too few
   * distractors; 1 or 0 for a reply the classifier gives to the person; the reply's unigram F1.
   */
  public record CaseScores(
      double[] hitsStyle, double[] hitsRelevance, double[] fidelity, double[] unigramF1) {}

  /**
   * The model's and the baseline's scores on the same test cases, and the lines the style ceiling
   * was measured on.
   *
   * @param styleCeiling per held-out line of the person: 1 if the speaker classifier, without that
   *     line, attributes it to the person, else 0; {@code styleCeiling} of the report is their mean
   */
  public record Cases(CaseScores model, CaseScores baseline, double[] styleCeiling) {}

  /** One test case with both answers. */
  public record Sample(List<String> context, String real, String model, String baseline) {}
}
