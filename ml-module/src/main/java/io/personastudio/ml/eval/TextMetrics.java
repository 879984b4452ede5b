package io.personastudio.ml.eval;

import io.personastudio.ml.text.Tokenizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Unigram F1 and distinct-2 on word tokens. */
final class TextMetrics {
  private TextMetrics() {}

  static double unigramF1(String generated, String reference) {
    List<String> g = Tokenizer.words(generated);
    List<String> r = Tokenizer.words(reference);
    if (g.isEmpty() || r.isEmpty()) {
      return g.isEmpty() && r.isEmpty() ? 1 : 0;
    }
    Map<String, Integer> counts = new HashMap<>();
    r.forEach(w -> counts.merge(w, 1, Integer::sum));
    int overlap = 0;
    for (String w : g) {
      Integer c = counts.get(w);
      if (c != null && c > 0) {
        overlap++;
        counts.put(w, c - 1);
      }
    }
    if (overlap == 0) {
      return 0;
    }
    double precision = overlap / (double) g.size();
    double recall = overlap / (double) r.size();
    return 2 * precision * recall / (precision + recall);
  }

  static double distinct2(List<String> texts) {
    Set<String> unique = new HashSet<>();
    long total = 0;
    for (String t : texts) {
      List<String> w = Tokenizer.words(t);
      for (int i = 0; i + 1 < w.size(); i++) {
        unique.add(w.get(i) + " " + w.get(i + 1));
        total++;
      }
    }
    return total == 0 ? 0 : unique.size() / (double) total;
  }

  /** Hit of the first candidate: 1 if it scores highest, shared equally among ties. */
  static double hitAt1(float[] scores) {
    int ties = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[0]) {
        return 0;
      }
      if (scores[i] == scores[0]) {
        ties++;
      }
    }
    return 1.0 / (1 + ties);
  }
}
