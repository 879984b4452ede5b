package io.personastudio.ml.model;

/**
 * What an artifact says about itself.
 *
 * @param formatVersion version of the artifact layout
 * @param engine DJL engine that trained the encoder
 * @param personId sender id of the person
 * @param personName display name of the person
 * @param hyperparameters all hyper-parameters
 * @param trainingPairs (context, reply) pairs the encoder saw
 * @param steps optimisation steps done
 * @param finalLoss mean loss of the last epoch seen
 * @param completed false if training stopped early (time budget or request)
 * @param generatorSteps optimisation steps of the generator (0 = no generator)
 * @param generatorLoss mean character cross-entropy of the generator's last steps (0 = none)
 * @param generatorGate how far below {@link GeneratorBound}'s bound the generator's candidates
 *     stayed on the training chat's validation split (its last 20 %): the generator is sampled only
 *     when the best retrieved reply scores below the bound minus this. 0 (artifacts written before
 *     it, or a training that stopped early) samples whenever a generated reply could provably win,
 *     which changes no answer
 * @param rankConsensusReplies ranking measures a candidate's consensus against the person's replies
 *     to this many of the most similar stored contexts (best first). 0 (artifacts written before
 *     it) = against every retrieved reply, the policy they were trained with
 * @param repliesAvoidContext a reply is never a line the context already holds (in a chat, the
 *     context holds the persona's own last replies: without this it repeated them). False in
 *     artifacts written before it: only the newest turn is avoided, the policy they were trained
 *     with
 * @param replyLengthPenalty the reply policy lowers a pool line's score by this times ln(its words
 *     / the median words of the person's pool lines) when it is longer than that median, so replies
 *     are about as long as the person's (docs/BENCHMARKS-ml.md, session 11). 0 (artifacts written
 *     before it): no penalty, the policy they were trained with
 */
public record ModelInfo(
    int formatVersion,
    String engine,
    String personId,
    String personName,
    Hyperparameters hyperparameters,
    int trainingPairs,
    long steps,
    float finalLoss,
    boolean completed,
    long generatorSteps,
    float generatorLoss,
    float generatorGate,
    int rankConsensusReplies,
    boolean repliesAvoidContext,
    float replyLengthPenalty) {

  /**
   * Information written before {@code rankConsensusReplies}, {@code repliesAvoidContext} and {@code
   * replyLengthPenalty} existed (and by callers that do not set them): the reply and ranking policy
   * of then.
   */
  public ModelInfo(
      int formatVersion,
      String engine,
      String personId,
      String personName,
      Hyperparameters hyperparameters,
      int trainingPairs,
      long steps,
      float finalLoss,
      boolean completed,
      long generatorSteps,
      float generatorLoss,
      float generatorGate) {
    this(
        formatVersion,
        engine,
        personId,
        personName,
        hyperparameters,
        trainingPairs,
        steps,
        finalLoss,
        completed,
        generatorSteps,
        generatorLoss,
        generatorGate,
        0,
        false,
        0f);
  }

  /** The same information with another generator gate. */
  public ModelInfo withGeneratorGate(float gate) {
    return withPolicy(gate, rankConsensusReplies, repliesAvoidContext, replyLengthPenalty);
  }

  /** The same information with another number of replies ranking's consensus compares with. */
  public ModelInfo withRankConsensusReplies(int replies) {
    return withPolicy(generatorGate, replies, repliesAvoidContext, replyLengthPenalty);
  }

  /** The same information with the other choice of whether replies avoid the context's lines. */
  public ModelInfo withRepliesAvoidingContext(boolean avoid) {
    return withPolicy(generatorGate, rankConsensusReplies, avoid, replyLengthPenalty);
  }

  /** The same information with another reply length penalty. */
  public ModelInfo withReplyLengthPenalty(float penalty) {
    return withPolicy(generatorGate, rankConsensusReplies, repliesAvoidContext, penalty);
  }

  /** What training measured, kept; the reply and ranking policy's knobs as given. */
  private ModelInfo withPolicy(float gate, int replies, boolean avoid, float lengthPenalty) {
    return new ModelInfo(
        formatVersion,
        engine,
        personId,
        personName,
        hyperparameters,
        trainingPairs,
        steps,
        finalLoss,
        completed,
        generatorSteps,
        generatorLoss,
        gate,
        replies,
        avoid,
        lengthPenalty);
  }
}
