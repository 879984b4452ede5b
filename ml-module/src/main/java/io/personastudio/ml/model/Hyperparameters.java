package io.personastudio.ml.model;

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
    GeneratorParameters generator) {

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
        GeneratorParameters.defaults());
  }

  public Hyperparameters withSeed(long value) {
    return new Hyperparameters(
        value,
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
        generator);
  }

  public Hyperparameters withEpochs(int value) {
    return new Hyperparameters(
        seed,
        value,
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
        generator);
  }

  public Hyperparameters withShape(int newBatchSize, int newDim, int newMaxVocabulary) {
    return new Hyperparameters(
        seed,
        epochs,
        newBatchSize,
        newDim,
        learningRate,
        newMaxVocabulary,
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
        generator);
  }

  public Hyperparameters withWeights(
      float relevance, float style, float length, float neighboursWeight, float context) {
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
        relevance,
        style,
        length,
        neighboursWeight,
        context,
        neighbours,
        generator);
  }

  /** The generator's knobs, or "none" for artifacts written before it existed. */
  public GeneratorParameters generatorOrNone() {
    return generator == null ? GeneratorParameters.none() : generator;
  }

  public Hyperparameters withGenerator(GeneratorParameters value) {
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
        value);
  }
}
