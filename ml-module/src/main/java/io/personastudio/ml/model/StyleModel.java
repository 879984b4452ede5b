package io.personastudio.ml.model;

import java.util.Collection;

/**
 * How the person writes compared with the others: a naive Bayes log-ratio over hashed character
 * 1-4-grams (case and punctuation kept: they are style), each side smoothed towards the pooled
 * n-grams, plus a log-ratio of reply lengths.
 */
public final class StyleModel {
  static final int BUCKETS = 1 << 18;
  private static final int SHRINK_NGRAMS = 40;

  /**
   * Each side's n-gram distribution is smoothed towards the pooled one with a Dirichlet prior of
   * this many n-grams: an n-gram one side never used is judged by how common it is overall, not by
   * a constant per bucket. Add-0.1 smoothing over all buckets, before, made every n-gram nobody
   * used evidence for whoever wrote less (about +0.9 each for a person with a third of the text).
   * The evaluator's speaker classifier uses the same prior, chosen by its leave-one-out recall.
   */
  static final double POOLED_PRIOR = 300;

  private static final int[] LENGTH_BINS = {1, 2, 4, 8, 16, 32, Integer.MAX_VALUE};

  private final float[] ngramLogRatio;
  private final float[] lengthLogRatio;

  StyleModel(float[] ngramLogRatio, float[] lengthLogRatio) {
    this.ngramLogRatio = ngramLogRatio;
    this.lengthLogRatio = lengthLogRatio;
  }

  /** Learns from the person's turns against everybody else's. */
  public static StyleModel train(Collection<String> person, Collection<String> others) {
    double[] p = new double[BUCKETS];
    double[] o = new double[BUCKETS];
    double[] pl = new double[LENGTH_BINS.length];
    double[] ol = new double[LENGTH_BINS.length];
    double pSum = count(person, p, pl);
    double oSum = count(others, o, ol);
    float[] ratio = new float[BUCKETS];
    double all = Math.max(1, pSum + oSum);
    for (int b = 0; b < BUCKETS; b++) {
      if (p[b] + o[b] == 0) {
        continue; // an n-gram nobody used says nothing about who wrote a text
      }
      double pooled = POOLED_PRIOR * (p[b] + o[b]) / all;
      ratio[b] =
          (float)
              (Math.log((p[b] + pooled) / (pSum + POOLED_PRIOR))
                  - Math.log((o[b] + pooled) / (oSum + POOLED_PRIOR)));
    }
    float[] lengths = new float[LENGTH_BINS.length];
    double pn = person.size();
    double on = others.size();
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] =
          (float)
              (Math.log((pl[i] + 1) / (pn + LENGTH_BINS.length))
                  - Math.log((ol[i] + 1) / (on + LENGTH_BINS.length)));
    }
    return new StyleModel(ratio, lengths);
  }

  private static double count(Collection<String> texts, double[] grams, double[] lengths) {
    double total = 0;
    int[] buf = new int[64];
    for (String text : texts) {
      int[] hashes = hashes(text, buf);
      int n = hashes[0];
      for (int i = 1; i <= n; i++) {
        grams[hashes[i]]++;
      }
      total += n;
      lengths[lengthBin(text)]++;
    }
    return total;
  }

  /** Mean n-gram log-ratio: above 0 reads like the person, below like the others. */
  public float ngramScore(String text) {
    int[] hashes = hashes(text, new int[64]);
    int n = hashes[0];
    if (n == 0) {
      return 0f;
    }
    double sum = 0;
    for (int i = 1; i <= n; i++) {
      sum += ngramLogRatio[hashes[i]];
    }
    // shrink towards 0 for short texts: a handful of n-grams is weak evidence of style
    return (float) (sum / (n + SHRINK_NGRAMS));
  }

  /**
   * Total evidence that the person wrote the text: the naive Bayes log-odds of its character
   * n-grams and its length class, not averaged, so a longer text in the person's voice counts more
   * than a short neutral one (what a speaker classifier would say about it).
   */
  public float evidence(String text) {
    int[] hashes = hashes(text, new int[64]);
    int n = hashes[0];
    double sum = 0;
    for (int i = 1; i <= n; i++) {
      sum += ngramLogRatio[hashes[i]];
    }
    return (float) sum + lengthScore(text);
  }

  /** Log-ratio of the text's length class between the person and the others. */
  public float lengthScore(String text) {
    return lengthLogRatio[lengthBin(text)];
  }

  /**
   * The largest value {@code weight x ngramScore(text)} can take for any text: the mean shrunk
   * towards 0 lies between the smallest and the largest n-gram log-ratio, and between them and 0.
   */
  float ngramScoreBound(float weight) {
    float lo = 0f;
    float hi = 0f;
    for (float r : ngramLogRatio) {
      lo = Math.min(lo, r);
      hi = Math.max(hi, r);
    }
    return Math.max(weight * lo, weight * hi);
  }

  /** The largest value {@code weight x lengthScore(text)} can take for any text. */
  float lengthScoreBound(float weight) {
    float max = Float.NEGATIVE_INFINITY;
    for (float r : lengthLogRatio) {
      max = Math.max(max, weight * r);
    }
    return max;
  }

  float[] ngramLogRatio() {
    return ngramLogRatio;
  }

  float[] lengthLogRatio() {
    return lengthLogRatio;
  }

  static int lengthBin(String text) {
    int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
    for (int i = 0; i < LENGTH_BINS.length; i++) {
      if (words <= LENGTH_BINS[i]) {
        return i;
      }
    }
    return LENGTH_BINS.length - 1;
  }

  /** Bucket hashes of the text's character 1-4-grams; element 0 holds the count. */
  private static int[] hashes(String raw, int[] buf) {
    String text = "\u0002" + raw + "\u0003";
    int len = text.length();
    int needed = 1 + len * 4;
    int[] out = buf.length >= needed ? buf : new int[needed];
    int k = 0;
    for (int i = 0; i < len; i++) {
      int h = 17;
      for (int n = 1; n <= 4 && i + n <= len; n++) {
        h = h * 31 + text.charAt(i + n - 1);
        int mixed = h * 0x9E3779B1 + n;
        out[++k] = (mixed ^ (mixed >>> 15)) & (BUCKETS - 1);
      }
    }
    out[0] = k;
    return out;
  }
}
