package io.personastudio.ml.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Tunes the generator gate ({@link ModelInfo#generatorGate}) of a trained model on validation
 * contexts: the smallest distance between {@link GeneratorBound}'s bound and the policy score of
 * any well-formed sample the generator writes for them. A reply whose best retrieved candidate
 * scores at least the bound minus that distance is then answered without sampling: on the
 * validation contexts no sample ever came that close, so every reply the generator won there is
 * still sampled. Deterministic: the samples use seeds derived from the model's seed.
 */
public final class GeneratorGate {
  /**
   * Samples drawn in all, at least: small validation splits get more rounds per context (each round
   * {@code candidates} samples with another seed), between 4 and 64.
   */
  static final int DRAWS = 2048;

  private static final int MIN_ROUNDS = 4;
  private static final int MAX_ROUNDS = 64;

  /** Contexts looked at, at most (spread evenly over the validation split). */
  static final int MAX_CONTEXTS = 200;

  /** Fewer well-formed samples than this say too little: the gate stays 0 (provable skips only). */
  static final int MIN_SAMPLES = 32;

  private GeneratorGate() {}

  /**
   * What the tuning saw.
   *
   * @param gate the tuned gate (0 when there was too little to go on)
   * @param contexts validation contexts looked at
   * @param samples well-formed samples scored
   * @param wins contexts whose reply the generator won (policy seed, no gate)
   * @param winsKept of those, the ones the gate still samples (all, by construction)
   */
  public record Tuning(float gate, int contexts, int samples, int wins, int winsKept) {}

  /**
   * The model with its gate tuned on the contexts; a model without a generator is returned as is.
   */
  public static PersonaModel tune(PersonaModel model, List<List<String>> validationContexts) {
    if (!model.generates()) {
      return model;
    }
    return model.withGeneratorGate(measure(model, validationContexts).gate());
  }

  static Tuning measure(PersonaModel model, List<List<String>> validationContexts) {
    List<List<String>> contexts = spread(validationContexts, MAX_CONTEXTS);
    double smallest = Double.POSITIVE_INFINITY;
    int samples = 0;
    // per context won by the generator: the bound less the retrieved reply's score
    List<Double> winHeadroom = new ArrayList<>();
    long seed = model.info().hyperparameters().seed();
    int perRound =
        Math.max(
            1, contexts.size() * model.info().hyperparameters().generatorOrNone().candidates());
    int rounds = Math.max(MIN_ROUNDS, Math.min(MAX_ROUNDS, (DRAWS + perRound - 1) / perRound));
    for (int c = 0; c < contexts.size(); c++) {
      PersonaModel.Retrieval r = model.retrieve(contexts.get(c));
      double bound = model.generatorBound(r);
      PersonaModel.Generated best = model.bestGenerated(r);
      if (best != null) {
        smallest = Math.min(smallest, bound - best.score());
        samples++;
        if (best.score() > r.bestScore()) {
          winHeadroom.add(bound - r.bestScore());
        }
      }
      for (int round = 0; round < rounds; round++) {
        long roundSeed = (seed * 31 + c) * 0x9E3779B97F4A7C15L + round;
        for (PersonaModel.Generated g : model.generated(r, roundSeed)) {
          smallest = Math.min(smallest, bound - g.score());
          samples++;
        }
      }
    }
    float gate = samples < MIN_SAMPLES ? 0f : floorToFloat(Math.max(0, smallest));
    int kept = (int) winHeadroom.stream().filter(h -> h - gate > 0).count();
    return new Tuning(gate, contexts.size(), samples, winHeadroom.size(), kept);
  }

  /** The largest float not above the value (a gate rounded up could skip a validation win). */
  private static float floorToFloat(double value) {
    float f = (float) value;
    return f > value ? Math.nextDown(f) : f;
  }

  private static List<List<String>> spread(List<List<String>> all, int limit) {
    if (all.size() <= limit) {
      return all;
    }
    return java.util.stream.IntStream.range(0, limit)
        .mapToObj(i -> all.get((int) ((long) i * all.size() / limit)))
        .toList();
  }
}
