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
    List<Bag> words = replies.stream().map(Bag::of).toList();
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
   * @param replyWords the replies' words, counted once per query
   * @return the weighted mean unigram F1 of {@code text} against the replies
   */
  static float expectedF1(String text, List<Bag> replyWords, float[] weights) {
    Bag words = Bag.of(text);
    double sum = 0;
    double total = 0;
    for (int j = 0; j < replyWords.size(); j++) {
      if (weights[j] > 0) {
        sum += weights[j] * f1(words, replyWords.get(j));
        total += weights[j];
      }
    }
    return total > 0 ? (float) (sum / total) : 0f;
  }

  /** Unigram F1 of two token lists (clipped counts). */
  static double f1(List<String> a, List<String> b) {
    return f1(Bag.of(a), Bag.of(b));
  }

  static double f1(Bag a, Bag b) {
    if (a.size() == 0 || b.size() == 0) {
      return 0;
    }
    Bag small = a.counts().size() <= b.counts().size() ? a : b;
    Bag large = small == a ? b : a;
    int overlap = 0;
    for (Map.Entry<String, Integer> e : small.counts().entrySet()) {
      Integer c = large.counts().get(e.getKey());
      if (c != null) {
        overlap += Math.min(c, e.getValue());
      }
    }
    if (overlap == 0) {
      return 0;
    }
    double precision = overlap / (double) a.size();
    double recall = overlap / (double) b.size();
    return 2 * precision * recall / (precision + recall);
  }

  /** The words of a text ({@link Tokenizer#words}) with their counts. */
  record Bag(Map<String, Integer> counts, int size) {
    static Bag of(String text) {
      return of(Tokenizer.words(text));
    }

    static Bag of(List<String> words) {
      Map<String, Integer> counts = new HashMap<>();
      words.forEach(w -> counts.merge(w, 1, Integer::sum));
      return new Bag(counts, words.size());
    }
  }
}
