package io.personastudio.ml.model;

import io.personastudio.ml.text.SparseVector;
import java.util.List;

/**
 * An upper bound of the reply policy's score for any text the generator could write, known before
 * sampling: the generator is worth running only if the bound exceeds the best retrieved reply's
 * score, so skipping it otherwise changes no answer.
 *
 * <p>A generated candidate scores {@code wRelevance x cosine + wNeighbours x sum_k a_k (v . r_k) +
 * damping x (wStyle x ngramScore + wLength x lengthScore) + wContext x bestContext + wEvidence x
 * tanh(evidence / scale) + margin}. Each term is bounded: the cosine of two unit embeddings by 1,
 * the tanh by 1, the style scores by the extremes of the style model's tables; the neighbours term
 * is the unit TF-IDF vector {@code v} against the centroid {@code m = sum_k a_k r_k} of the
 * neighbours' unit reply vectors, so by Cauchy-Schwarz at most {@code |m|} (below 1 when the
 * neighbours' replies differ); the context and margin terms are known. A small slack covers the
 * float rounding of the score's sums.
 */
final class GeneratorBound {
  private static final double SLACK = 1e-4;

  /** Everything that does not depend on the context. */
  private final double fixed;

  private final float weightNeighbours;

  private GeneratorBound(double fixed, float weightNeighbours) {
    this.fixed = fixed;
    this.weightNeighbours = weightNeighbours;
  }

  static GeneratorBound of(Hyperparameters h, StyleModel style, float styleDamping) {
    GeneratorParameters g = h.generatorOrNone();
    double styleMax =
        styleDamping
            * ((double) style.ngramScoreBound(h.weightStyle())
                + style.lengthScoreBound(h.weightLength()));
    double fixed =
        Math.abs(h.weightRelevance())
            + Math.max(0, styleMax)
            + Math.abs(h.weightEvidence())
            + g.margin();
    double magnitude =
        Math.abs(h.weightRelevance())
            + Math.abs(h.weightNeighbours())
            + Math.abs(styleMax)
            + Math.abs(h.weightEvidence())
            + Math.abs(g.margin());
    return new GeneratorBound(fixed + SLACK * (1 + magnitude), h.weightNeighbours());
  }

  /**
   * @param neighbourWeights the query's weights of its nearest stored contexts
   * @param neighbourReplies the person's unit reply vectors in those contexts, same order
   * @param contextTerm {@code wContext x bestContext}, exactly as the policy adds it
   * @return a value no generated candidate's policy score can exceed for this query
   */
  double upperBound(
      float[] neighbourWeights, List<SparseVector> neighbourReplies, float contextTerm) {
    double neighbours =
        weightNeighbours > 0
            ? weightNeighbours * centroidNorm(neighbourWeights, neighbourReplies)
            : 0;
    double slack = SLACK * (1 + Math.abs(contextTerm) + Math.abs(neighbours));
    return fixed + neighbours + contextTerm + slack;
  }

  /** |sum_k a_k r_k| from the pairwise dot products (a handful of short sparse vectors). */
  static double centroidNorm(float[] weights, List<SparseVector> vectors) {
    double squared = 0;
    for (int i = 0; i < weights.length; i++) {
      squared += (double) weights[i] * weights[i] * vectors.get(i).dot(vectors.get(i));
      for (int j = i + 1; j < weights.length; j++) {
        squared += 2.0 * weights[i] * weights[j] * vectors.get(i).dot(vectors.get(j));
      }
    }
    return Math.sqrt(Math.max(0, squared));
  }
}
