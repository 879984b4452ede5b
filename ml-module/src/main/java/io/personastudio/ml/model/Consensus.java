package io.personastudio.ml.model;

import io.personastudio.ml.text.Tokenizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimum-Bayes-risk support for the reply policy: how much a candidate reply says what the
 * person's other likely replies say, as the expected unigram F1 against them, each weighted by how
 * likely it is. A reply most of the plausible answers agree with is the safest single guess.
 */
final class Consensus {
  private Consensus() {}

  /**
   * @param replies the candidate replies
   * @param weights how likely each is (any non-negative scale)
   * @return per candidate, the weighted mean unigram F1 against all the other candidates
   */
  static float[] expectedF1(List<String> replies, float[] weights) {
    int n = replies.size();
    float[] out = new float[n];
    if (n < 2) {
      return out;
    }
    List<List<String>> words = replies.stream().map(Tokenizer::words).toList();
    double total = 0;
    for (float w : weights) {
      total += w;
    }
    for (int i = 0; i < n; i++) {
      double others = total - weights[i];
      if (!(others > 0)) {
        continue;
      }
      double sum = 0;
      for (int j = 0; j < n; j++) {
        if (j != i && weights[j] > 0) {
          sum += weights[j] * f1(words.get(i), words.get(j));
        }
      }
      out[i] = (float) (sum / others);
    }
    return out;
  }

  /**
   * @return the weighted mean unigram F1 of {@code text} against {@code replies}
   */
  static float expectedF1(String text, List<String> replies, float[] weights) {
    List<String> words = Tokenizer.words(text);
    double sum = 0;
    double total = 0;
    for (int j = 0; j < replies.size(); j++) {
      if (weights[j] > 0) {
        sum += weights[j] * f1(words, Tokenizer.words(replies.get(j)));
        total += weights[j];
      }
    }
    return total > 0 ? (float) (sum / total) : 0f;
  }

  /** Unigram F1 of two token lists (clipped counts). */
  static double f1(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Map<String, Integer> counts = new HashMap<>();
    b.forEach(w -> counts.merge(w, 1, Integer::sum));
    int overlap = 0;
    for (String w : a) {
      Integer c = counts.get(w);
      if (c != null && c > 0) {
        overlap++;
        counts.put(w, c - 1);
      }
    }
    if (overlap == 0) {
      return 0;
    }
    double precision = overlap / (double) a.size();
    double recall = overlap / (double) b.size();
    return 2 * precision * recall / (precision + recall);
  }
}
