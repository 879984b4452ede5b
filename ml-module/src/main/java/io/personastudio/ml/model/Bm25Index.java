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

  private final Map<String, Postings> postings = new HashMap<>();
  private final int size;

  /**
   * The documents holding one term, in document order, as flat arrays (a reply on a large persona
   * walks tens of thousands of postings: no object per posting to chase), with each posting's
   * length-normalised denominator computed once instead of per query.
   */
  private record Postings(int[] docs, int[] counts, float[] denominators) {}

  public Bm25Index(List<String> documents) {
    size = documents.size();
    float[] docLength = new float[size];
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
    float avgLength = size == 0 ? 1 : (float) Math.max(1e-3, total / size);
    build.forEach(
        (t, list) -> {
          int n = list.size();
          int[] docs = new int[n];
          int[] counts = new int[n];
          float[] denominators = new float[n];
          for (int i = 0; i < n; i++) {
            int[] p = list.get(i);
            float tf = p[1];
            docs[i] = p[0];
            counts[i] = p[1];
            denominators[i] = tf + K1 * (1 - B + B * docLength[p[0]] / avgLength);
          }
          postings.put(t, new Postings(docs, counts, denominators));
        });
  }

  public int size() {
    return size;
  }

  /** Top documents for the query, best first, as {doc index, score}; only positive scores. */
  public List<Hit> search(String query, int limit) {
    float[] scores = new float[size];
    boolean any = false;
    for (String term : new java.util.LinkedHashSet<>(Tokenizer.words(query))) {
      Postings list = postings.get(term);
      if (list == null) {
        continue;
      }
      int[] docs = list.docs();
      int[] counts = list.counts();
      float[] denominators = list.denominators();
      float idf = (float) Math.log(1 + (size - docs.length + 0.5) / (docs.length + 0.5));
      for (int i = 0; i < docs.length; i++) {
        float tf = counts[i];
        scores[docs[i]] += idf * tf * (K1 + 1) / denominators[i];
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
