package io.personastudio.application.training;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.util.List;

/**
 * The protocol's figures (shared corpora README) for a run's model, next to the TF-IDF retrieval
 * baseline on the same split: a model trained like the published one on the earlier part of the
 * chat, measured on the later part it never saw.
 *
 * @param status PENDING while the evaluation runs, DONE with figures, UNAVAILABLE with a reason
 * @param reason why there are no figures (for example too few held-out replies), else null
 * @param testCases held-out replies of the person measured
 * @param trainReplies the person's replies the evaluated model learnt from
 * @param styleCeiling the style classifier's recall on the person's real held-out lines, each one
 *     classified by the classifier trained without it (evaluations before 2026-11-27's session 6
 *     stored the recall on the lines it was trained on, near 1)
 * @param trainingSeconds training time of the evaluated model
 * @param model figures of the persona model
 * @param baseline figures of the TF-IDF retrieval baseline
 * @param targets the quality targets' verdicts on this split (evaluations stored before 2026-12-07
 *     have none: null)
 */
public record RunEvaluation(
    String status,
    String reason,
    Integer testCases,
    Integer trainReplies,
    Double styleCeiling,
    Double trainingSeconds,
    Figures model,
    Figures baseline,
    List<Verdict> targets) {

  private static final Gson GSON = new Gson();

  /**
   * One side of the comparison; a figure the split could not measure (too few distractors) is null.
   */
  public record Figures(
      Double hits1of20Style,
      Double hits1of20Relevance,
      Double styleFidelity,
      Double unigramF1,
      Double distinct2,
      Double verbatimShare,
      Integer emptyReplies,
      Double generatedShare,
      Double replyMillisP50,
      Double replyMillisP99) {}

  /**
   * One quality target on this split.
   *
   * @param target which one: {@link #HITS_STYLE}, {@link #HITS_RELEVANCE}, {@link #FIDELITY} or
   *     {@link #UNIGRAM_F1}
   * @param met whether the model's figure reaches the target's bar on the test cases
   * @param support share of bootstrap resamples of the test cases in which it holds (null if none
   *     could be drawn): near 1 or 0 a firm verdict, near one half a coin toss on this few cases
   */
  public record Verdict(String target, boolean met, Double support) {}

  /** Hits@1/20 among the other speakers' lines at least 1.5 x the baseline's. */
  public static final String HITS_STYLE = "hits1of20Style";

  /** Hits@1/20 among any held-out lines at least 1.5 x the baseline's. */
  public static final String HITS_RELEVANCE = "hits1of20Relevance";

  /** Style fidelity at least 0.9 x its ceiling. */
  public static final String FIDELITY = "styleFidelity";

  /** Unigram F1 above the baseline's. */
  public static final String UNIGRAM_F1 = "unigramF1";

  public static final String PENDING = "PENDING";
  public static final String DONE = "DONE";
  public static final String UNAVAILABLE = "UNAVAILABLE";

  static RunEvaluation pending() {
    return new RunEvaluation(PENDING, null, null, null, null, null, null, null, null);
  }

  public static RunEvaluation unavailable(String reason) {
    return new RunEvaluation(UNAVAILABLE, reason, null, null, null, null, null, null, null);
  }

  /** The stored form (JSON), as {@link #parse} reads it back. */
  public String toJson() {
    return GSON.toJson(this);
  }

  public static RunEvaluation parse(String json) {
    try {
      RunEvaluation e = GSON.fromJson(json, RunEvaluation.class);
      return e == null ? unavailable("no figures were stored") : e;
    } catch (JsonParseException e) {
      return unavailable("the stored figures are unreadable");
    }
  }
}
