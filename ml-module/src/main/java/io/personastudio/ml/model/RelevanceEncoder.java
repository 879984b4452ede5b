package io.personastudio.ml.model;

import io.personastudio.ml.text.SparseVector;

/**
 * The trained dual encoder evaluated in plain Java: a context and a reply are each projected from
 * their TF-IDF vector by a matrix learned with DJL and L2-normalised; relevance is the cosine. No
 * native engine is needed to reply or rank, so a model loads in milliseconds anywhere.
 */
public final class RelevanceEncoder {
  private final int vocabulary;
  private final int dim;
  private final float[] contextWeights;
  private final float[] replyWeights;

  public RelevanceEncoder(int vocabulary, int dim, float[] contextWeights, float[] replyWeights) {
    if (contextWeights.length != vocabulary * dim || replyWeights.length != vocabulary * dim) {
      throw new IllegalArgumentException("weights do not match vocabulary x dim");
    }
    this.vocabulary = vocabulary;
    this.dim = dim;
    this.contextWeights = contextWeights;
    this.replyWeights = replyWeights;
  }

  public int dim() {
    return dim;
  }

  public int vocabulary() {
    return vocabulary;
  }

  float[] contextWeights() {
    return contextWeights;
  }

  float[] replyWeights() {
    return replyWeights;
  }

  public float[] embedContext(SparseVector x) {
    return embed(x, contextWeights);
  }

  public float[] embedReply(SparseVector x) {
    return embed(x, replyWeights);
  }

  private float[] embed(SparseVector x, float[] w) {
    float[] out = new float[dim];
    int[] idx = x.indices();
    float[] val = x.values();
    for (int k = 0; k < idx.length; k++) {
      int row = idx[k] * dim;
      float v = val[k];
      for (int j = 0; j < dim; j++) {
        out[j] += v * w[row + j];
      }
    }
    double norm = 0;
    for (float f : out) {
      norm += f * f;
    }
    if (norm > 0) {
      float inv = (float) (1 / Math.sqrt(norm + 1e-12));
      for (int j = 0; j < dim; j++) {
        out[j] *= inv;
      }
    }
    return out;
  }

  public static float cosine(float[] a, float[] b) {
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
