package io.personastudio.ml.model;

import io.personastudio.ml.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Okapi BM25 over a fixed list of documents; returns the best document indices for a query. */
public final class Bm25Index {
  private static final float K1 = 1.2f;
  private static final float B = 0.75f;

  private final Map<String, int[][]> postings = new HashMap<>();
  private final float[] docLength;
  private final float avgLength;
  private final int size;

  public Bm25Index(List<String> documents) {
    size = documents.size();
    docLength = new float[size];
    Map<String, List<int[]>> build = new HashMap<>();
    double total = 0;
    for (int d = 0; d < size; d++) {
      List<String> tokens = Tokenizer.words(documents.get(d));
      docLength[d] = tokens.size();
      total += tokens.size();
      Map<String, Integer> tf = new HashMap<>();
      for (String t : tokens) {
        tf.merge(t, 1, Integer::sum);
      }
      final int doc = d;
      tf.forEach(
          (t, c) -> build.computeIfAbsent(t, k -> new ArrayList<>()).add(new int[] {doc, c}));
    }
    avgLength = size == 0 ? 1 : (float) Math.max(1e-3, total / size);
    build.forEach((t, list) -> postings.put(t, list.toArray(new int[0][])));
  }

  public int size() {
    return size;
  }

  /** Top documents for the query, best first, as {doc index, score}; only positive scores. */
  public List<Hit> search(String query, int limit) {
    float[] scores = new float[size];
    boolean any = false;
    for (String term : new java.util.LinkedHashSet<>(Tokenizer.words(query))) {
      int[][] list = postings.get(term);
      if (list == null) {
        continue;
      }
      float idf = (float) Math.log(1 + (size - list.length + 0.5) / (list.length + 0.5));
      for (int[] p : list) {
        float tf = p[1];
        scores[p[0]] += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * docLength[p[0]] / avgLength));
      }
      any = true;
    }
    List<Hit> hits = new ArrayList<>();
    if (!any) {
      return hits;
    }
    return TopK.of(scores, limit);
  }

  /** A document index and its score. */
  public record Hit(int index, float score) {}
}
