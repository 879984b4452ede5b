package io.personastudio.ml.model;

import java.util.function.Consumer;

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
    return with(
        b -> {
          b.hidden = newHidden;
          b.batchSize = newBatch;
          b.epochs = newEpochs;
          b.maxSteps = newMax;
        });
  }

  public GeneratorParameters withSampling(int n, float newTemperature, int k, float newMargin) {
    return with(
        b -> {
          b.candidates = n;
          b.temperature = newTemperature;
          b.topK = k;
          b.margin = newMargin;
        });
  }

  /** The one way a changed copy is made: every {@code withX} names only what it changes. */
  public GeneratorParameters with(Consumer<Builder> change) {
    Builder b = new Builder(this);
    change.accept(b);
    return b.build();
  }

  /** Mutable copy of every knob, only alive inside {@link #with}. */
  public static final class Builder {
    public int hidden;
    public int prefixChars;
    public int maxReplyChars;
    public int batchSize;
    public int epochs;
    public int maxSteps;
    public float learningRate;
    public int candidates;
    public float temperature;
    public int topK;
    public float margin;

    private Builder(GeneratorParameters g) {
      hidden = g.hidden;
      prefixChars = g.prefixChars;
      maxReplyChars = g.maxReplyChars;
      batchSize = g.batchSize;
      epochs = g.epochs;
      maxSteps = g.maxSteps;
      learningRate = g.learningRate;
      candidates = g.candidates;
      temperature = g.temperature;
      topK = g.topK;
      margin = g.margin;
    }

    private GeneratorParameters build() {
      return new GeneratorParameters(
          hidden,
          prefixChars,
          maxReplyChars,
          batchSize,
          epochs,
          maxSteps,
          learningRate,
          candidates,
          temperature,
          topK,
          margin);
    }
  }
}
