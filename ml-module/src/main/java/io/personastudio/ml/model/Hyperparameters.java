package io.personastudio.ml.model;

import java.util.function.Consumer;

/**
 * Every knob of a persona model in one place; stored in the artifact.
 *
 * @param seed random seed of initialisation and batch order
 * @param epochs passes over all (context, reply) pairs for the relevance encoder
 * @param batchSize pairs per step; the other replies of a batch are the negatives
 * @param dim embedding size of the relevance encoder
 * @param learningRate Adam step size
 * @param maxVocabulary most frequent words kept
 * @param minDocs words seen in fewer documents are dropped
 * @param scale logit scale (inverse temperature) of the in-batch softmax
 * @param contextTurns earlier turns kept as context
 * @param gapMinutes silence that starts a new conversation
 * @param weightRelevance reply policy weight of the encoder cosine
 * @param weightStyle weight of the character n-gram style log-ratio
 * @param weightLength weight of the reply length log-ratio
 * @param weightNeighbours weight of the similarity to the person's replies in similar contexts
 * @param weightContext weight of the similarity of a stored reply's context to the query
 * @param neighbours how many similar training contexts inform ranking
 * @param weightEvidence reply policy weight of the style model's total evidence that the person
 *     wrote a candidate (0 in artifacts before format 3: their policy is unchanged). Off by
 *     default: on three time slices of every corpus it made one line win most contexts of small
 *     personas (docs/BENCHMARKS-ml.md, "Three time slices"); format-3 artifacts trained with 2 keep
 *     it
 * @param weightConsensus weight, in replying and ranking, of a candidate's expected unigram F1
 *     against the person's replies to the most similar stored contexts (minimum Bayes risk; 0 in
 *     artifacts written before it existed: their policy is unchanged)
 * @param generator the generative component (null in format-1 artifacts: retrieval only)
 */
public record Hyperparameters(
    long seed,
    int epochs,
    int batchSize,
    int dim,
    float learningRate,
    int maxVocabulary,
    int minDocs,
    float scale,
    int contextTurns,
    int gapMinutes,
    float weightRelevance,
    float weightStyle,
    float weightLength,
    float weightNeighbours,
    float weightContext,
    int neighbours,
    GeneratorParameters generator,
    float weightEvidence,
    float weightConsensus) {

  public static Hyperparameters defaults() {
    return new Hyperparameters(
        42,
        12,
        64,
        64,
        0.005f,
        8000,
        2,
        16f,
        3,
        180,
        0.3f,
        0.5f,
        0.1f,
        0.3f,
        1.0f,
        5,
        GeneratorParameters.defaults(),
        0f,
        3.0f);
  }

  public Hyperparameters withSeed(long value) {
    return with(b -> b.seed = value);
  }

  public Hyperparameters withEpochs(int value) {
    return with(b -> b.epochs = value);
  }

  public Hyperparameters withShape(int newBatchSize, int newDim, int newMaxVocabulary) {
    return with(
        b -> {
          b.batchSize = newBatchSize;
          b.dim = newDim;
          b.maxVocabulary = newMaxVocabulary;
        });
  }

  public Hyperparameters withWeights(
      float relevance, float style, float length, float neighboursWeight, float context) {
    return with(
        b -> {
          b.weightRelevance = relevance;
          b.weightStyle = style;
          b.weightLength = length;
          b.weightNeighbours = neighboursWeight;
          b.weightContext = context;
        });
  }

  public Hyperparameters withEvidenceWeight(float value) {
    return with(b -> b.weightEvidence = value);
  }

  public Hyperparameters withConsensusWeight(float value) {
    return with(b -> b.weightConsensus = value);
  }

  public Hyperparameters withGenerator(GeneratorParameters value) {
    return with(b -> b.generator = value);
  }

  /** The generator's knobs, or "none" for artifacts written before it existed. */
  public GeneratorParameters generatorOrNone() {
    return generator == null ? GeneratorParameters.none() : generator;
  }

  /** The one way a changed copy is made: every {@code withX} names only what it changes. */
  public Hyperparameters with(Consumer<Builder> change) {
    Builder b = new Builder(this);
    change.accept(b);
    return b.build();
  }

  /** Mutable copy of every knob, only alive inside {@link #with}. */
  public static final class Builder {
    public long seed;
    public int epochs;
    public int batchSize;
    public int dim;
    public float learningRate;
    public int maxVocabulary;
    public int minDocs;
    public float scale;
    public int contextTurns;
    public int gapMinutes;
    public float weightRelevance;
    public float weightStyle;
    public float weightLength;
    public float weightNeighbours;
    public float weightContext;
    public int neighbours;
    public GeneratorParameters generator;
    public float weightEvidence;
    public float weightConsensus;

    private Builder(Hyperparameters h) {
      seed = h.seed;
      epochs = h.epochs;
      batchSize = h.batchSize;
      dim = h.dim;
      learningRate = h.learningRate;
      maxVocabulary = h.maxVocabulary;
      minDocs = h.minDocs;
      scale = h.scale;
      contextTurns = h.contextTurns;
      gapMinutes = h.gapMinutes;
      weightRelevance = h.weightRelevance;
      weightStyle = h.weightStyle;
      weightLength = h.weightLength;
      weightNeighbours = h.weightNeighbours;
      weightContext = h.weightContext;
      neighbours = h.neighbours;
      generator = h.generator;
      weightEvidence = h.weightEvidence;
      weightConsensus = h.weightConsensus;
    }

    private Hyperparameters build() {
      return new Hyperparameters(
          seed,
          epochs,
          batchSize,
          dim,
          learningRate,
          maxVocabulary,
          minDocs,
          scale,
          contextTurns,
          gapMinutes,
          weightRelevance,
          weightStyle,
          weightLength,
          weightNeighbours,
          weightContext,
          neighbours,
          generator,
          weightEvidence,
          weightConsensus);
    }
  }
}
