package io.personastudio.ml.model;

import io.personastudio.ml.text.Tokenizer;
import java.util.Arrays;
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
    WordCounts words = WordCounts.of(replies);
    double total = 0;
    for (float w : weights) {
      total += w;
    }
    // F1 is symmetric to the bit (p * r and p + r commute), so each pair is computed once
    double[][] f1 = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        f1[i][j] = f1[j][i] = words.f1(i, j);
      }
    }
    for (int i = 0; i < n; i++) {
      double others = total - weights[i];
      if (!(others > 0)) {
        continue;
      }
      double sum = 0;
      for (int j = 0; j < n; j++) {
        if (j != i && weights[j] > 0) {
          sum += weights[j] * f1[i][j];
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

  /**
   * Several texts' words as sorted word ids with counts, so that an overlap is a merge of two int
   * arrays instead of a map look-up per word (the reply path compares ~25 candidates pairwise).
   */
  private static final class WordCounts {
    private final int[][] ids;
    private final int[][] counts;
    private final int[] sizes;

    private WordCounts(int[][] ids, int[][] counts, int[] sizes) {
      this.ids = ids;
      this.counts = counts;
      this.sizes = sizes;
    }

    static WordCounts of(List<String> texts) {
      int n = texts.size();
      Map<String, Integer> dictionary = new HashMap<>();
      int[][] ids = new int[n][];
      int[][] counts = new int[n][];
      int[] sizes = new int[n];
      for (int i = 0; i < n; i++) {
        List<String> words = Tokenizer.words(texts.get(i));
        int[] raw = new int[words.size()];
        for (int k = 0; k < raw.length; k++) {
          Integer id = dictionary.get(words.get(k));
          if (id == null) {
            id = dictionary.size();
            dictionary.put(words.get(k), id);
          }
          raw[k] = id;
        }
        Arrays.sort(raw);
        int distinct = 0;
        int[] key = new int[raw.length];
        int[] count = new int[raw.length];
        for (int k = 0; k < raw.length; k++) {
          if (distinct > 0 && key[distinct - 1] == raw[k]) {
            count[distinct - 1]++;
          } else {
            key[distinct] = raw[k];
            count[distinct++] = 1;
          }
        }
        ids[i] = Arrays.copyOf(key, distinct);
        counts[i] = Arrays.copyOf(count, distinct);
        sizes[i] = raw.length;
      }
      return new WordCounts(ids, counts, sizes);
    }

    /** Exactly {@link Consensus#f1(Bag, Bag)} of texts a and b. */
    double f1(int a, int b) {
      if (sizes[a] == 0 || sizes[b] == 0) {
        return 0;
      }
      int[] ka = ids[a];
      int[] kb = ids[b];
      int overlap = 0;
      for (int x = 0, y = 0; x < ka.length && y < kb.length; ) {
        if (ka[x] == kb[y]) {
          overlap += Math.min(counts[a][x++], counts[b][y++]);
        } else if (ka[x] < kb[y]) {
          x++;
        } else {
          y++;
        }
      }
      if (overlap == 0) {
        return 0;
      }
      double precision = overlap / (double) sizes[a];
      double recall = overlap / (double) sizes[b];
      return 2 * precision * recall / (precision + recall);
    }
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
