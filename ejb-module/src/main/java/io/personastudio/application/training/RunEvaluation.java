package io.personastudio.application.training;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

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
 */
public record RunEvaluation(
    String status,
    String reason,
    Integer testCases,
    Integer trainReplies,
    Double styleCeiling,
    Double trainingSeconds,
    Figures model,
    Figures baseline) {

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

  public static final String PENDING = "PENDING";
  public static final String DONE = "DONE";
  public static final String UNAVAILABLE = "UNAVAILABLE";

  static RunEvaluation pending() {
    return new RunEvaluation(PENDING, null, null, null, null, null, null, null);
  }

  public static RunEvaluation unavailable(String reason) {
    return new RunEvaluation(UNAVAILABLE, reason, null, null, null, null, null, null);
  }

  /** The stored form (JSON), as {@link #parse} reads it back. */
  public String toJson() {
    return GSON.toJson(this);
  }

  static RunEvaluation parse(String json) {
    try {
      RunEvaluation e = GSON.fromJson(json, RunEvaluation.class);
      return e == null ? unavailable("no figures were stored") : e;
    } catch (JsonParseException e) {
      return unavailable("the stored figures are unreadable");
    }
  }
}
