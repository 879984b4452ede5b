package io.personastudio.ml.model;

/**
 * Knobs of the generative component: a character LSTM language model of replies, conditioned on the
 * end of the newest context turn and on a speaker flag (the person or someone else).
 *
 * @param hidden LSTM state size (0 = no generator, retrieval only)
 * @param prefixChars characters of the newest context turn the reply is conditioned on
 * @param maxReplyChars longest reply learnt and generated
 * @param batchSize sequences per step
 * @param epochs passes over all (context, reply) pairs of the chat
 * @param maxSteps cap on optimisation steps whatever the chat size (keeps training time bounded)
 * @param learningRate Adam step size
 * @param candidates replies sampled per request
 * @param temperature sampling temperature
 * @param topK sampling keeps the k most likely characters
 * @param margin added to a generated candidate's policy score before it competes with retrieved
 *     replies (negative = prefer retrieval)
 */
public record GeneratorParameters(
    int hidden,
    int prefixChars,
    int maxReplyChars,
    int batchSize,
    int epochs,
    int maxSteps,
    float learningRate,
    int candidates,
    float temperature,
    int topK,
    float margin) {

  public static GeneratorParameters defaults() {
    return new GeneratorParameters(96, 24, 48, 32, 8, 600, 0.004f, 4, 0.5f, 5, 0f);
  }

  public static GeneratorParameters none() {
    return new GeneratorParameters(0, 24, 64, 32, 0, 0, 0.004f, 0, 0.7f, 8, 0f);
  }

  public boolean enabled() {
    return hidden > 0 && epochs > 0 && maxSteps > 0;
  }

  public GeneratorParameters withSize(int newHidden, int newBatch, int newEpochs, int newMax) {
    return new GeneratorParameters(
        newHidden,
        prefixChars,
        maxReplyChars,
        newBatch,
        newEpochs,
        newMax,
        learningRate,
        candidates,
        temperature,
        topK,
        margin);
  }

  public GeneratorParameters withSampling(int n, float newTemperature, int k, float newMargin) {
    return new GeneratorParameters(
        hidden,
        prefixChars,
        maxReplyChars,
        batchSize,
        epochs,
        maxSteps,
        learningRate,
        n,
        newTemperature,
        k,
        newMargin);
  }
}
