package io.personastudio.ml.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How the person writes compared with the others: a naive Bayes log-ratio over hashed character
 * 1-4-grams (case and punctuation kept: they are style), each side smoothed towards the pooled
 * n-grams, plus a log-ratio of reply lengths. A model trained with a {@link TopicMask} reads every
 * text through it: its {@link #voice() voice}, which the topic words of a period do not sway.
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

  /**
   * The voice model keeps this many of the chat's most frequent words (chosen a priori, not tuned;
   * 300 measured about the same: docs/BENCHMARKS-ml.md).
   */
  static final int VOICE_WORDS = 100;

  private final float[] ngramLogRatio;
  private final float[] lengthLogRatio;
  private final TopicMask mask;
  private final StyleModel voice;

  StyleModel(float[] ngramLogRatio, float[] lengthLogRatio) {
    this(ngramLogRatio, lengthLogRatio, null, null);
  }

  /**
   * @param mask what every text is read through, or null for the texts as written
   * @param voice the masked model that goes with this one, or null
   */
  StyleModel(float[] ngramLogRatio, float[] lengthLogRatio, TopicMask mask, StyleModel voice) {
    this.ngramLogRatio = ngramLogRatio;
    this.lengthLogRatio = lengthLogRatio;
    this.mask = mask;
    this.voice = voice;
  }

  /**
   * Learns from the person's turns against everybody else's, as written and, for {@link #voice()},
   * with all but the chat's {@value #VOICE_WORDS} most frequent words blanked.
   */
  public static StyleModel train(Collection<String> person, Collection<String> others) {
    List<String> all = new ArrayList<>(person);
    all.addAll(others);
    StyleModel voice = train(person, others, TopicMask.mostFrequent(all, VOICE_WORDS));
    return train(person, others, null, voice);
  }

  /** A model that reads every text through the mask (a voice model; it has no voice of its own). */
  static StyleModel train(Collection<String> person, Collection<String> others, TopicMask mask) {
    return train(person, others, mask, null);
  }

  private static StyleModel train(
      Collection<String> person, Collection<String> others, TopicMask mask, StyleModel voice) {
    double[] p = new double[BUCKETS];
    double[] o = new double[BUCKETS];
    double[] pl = new double[LENGTH_BINS.length];
    double[] ol = new double[LENGTH_BINS.length];
    double pSum = count(person, mask, p, pl);
    double oSum = count(others, mask, o, ol);
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
    return new StyleModel(ratio, lengths, mask, voice);
  }

  /**
   * The model of the person's voice: texts with the topic words blanked (the reply policy chooses
   * among the person's own lines by it), or this model if it was stored without one.
   */
  public StyleModel voice() {
    return voice == null ? this : voice;
  }

  /** True if this model has a separate {@link #voice()}. */
  boolean hasVoice() {
    return voice != null;
  }

  /** The words this model keeps when it reads a text (empty: it reads texts as written). */
  List<String> keptWords() {
    return mask == null ? List.of() : mask.kept();
  }

  private static double count(
      Collection<String> texts, TopicMask mask, double[] grams, double[] lengths) {
    double total = 0;
    int[] buf = new int[64];
    for (String text : texts) {
      int[] hashes = hashes(read(mask, text), buf);
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
    int[] hashes = hashes(read(mask, text), new int[64]);
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
    int[] hashes = hashes(read(mask, text), new int[64]);
    int n = hashes[0];
    double sum = 0;
    for (int i = 1; i <= n; i++) {
      sum += ngramLogRatio[hashes[i]];
    }
    return (float) sum + lengthScore(text);
  }

  /** The text as a model with this mask reads it (as written if there is none). */
  private static String read(TopicMask mask, String text) {
    return mask == null ? text : mask.apply(text);
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
