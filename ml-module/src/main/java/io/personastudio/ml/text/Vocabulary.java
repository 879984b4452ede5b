package io.personastudio.ml.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Words with ids and inverse document frequencies; builds L2-normalised TF-IDF vectors. Ids are
 * assigned deterministically (document frequency descending, then the word), so the same data
 * always gives the same vocabulary.
 */
public final class Vocabulary {
  private final List<String> words;
  private final float[] idf;
  private final Map<String, Integer> ids;

  public Vocabulary(List<String> words, float[] idf) {
    if (words.size() != idf.length) {
      throw new IllegalArgumentException("words and idf differ in length");
    }
    this.words = List.copyOf(words);
    this.idf = idf.clone();
    this.ids = new HashMap<>(words.size() * 2);
    for (int i = 0; i < words.size(); i++) {
      ids.put(words.get(i), i);
    }
  }

  /** Builds from documents keeping words seen in at least minDocs documents, at most maxSize. */
  public static Vocabulary build(Collection<String> documents, int minDocs, int maxSize) {
    Map<String, Integer> df = new TreeMap<>();
    for (String doc : documents) {
      for (String w : new HashSet<>(Tokenizer.words(doc))) {
        df.merge(w, 1, Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(df.entrySet());
    entries.removeIf(e -> e.getValue() < minDocs);
    entries.sort(
        (a, b) ->
            b.getValue().equals(a.getValue())
                ? a.getKey().compareTo(b.getKey())
                : b.getValue() - a.getValue());
    int size = Math.min(maxSize, entries.size());
    List<String> words = new ArrayList<>(size);
    float[] idf = new float[size];
    double n = Math.max(1, documents.size());
    for (int i = 0; i < size; i++) {
      words.add(entries.get(i).getKey());
      idf[i] = (float) Math.log((n + 1) / (entries.get(i).getValue() + 1)) + 1f;
    }
    return new Vocabulary(words, idf);
  }

  public int size() {
    return words.size();
  }

  public List<String> words() {
    return words;
  }

  public float[] idf() {
    return idf.clone();
  }

  /** Id of the word, or -1 if out of vocabulary. */
  public int id(String word) {
    Integer id = ids.get(word);
    return id == null ? -1 : id;
  }

  /** L2-normalised TF-IDF vector of a text with sub-linear term frequency. */
  public SparseVector tfidf(String text) {
    return tfidf(Tokenizer.words(text), 1f);
  }

  /** TF-IDF of tokens, every weight multiplied by scale, then L2-normalised. */
  public SparseVector tfidf(List<String> tokens, float scale) {
    Map<Integer, Integer> tf = new TreeMap<>();
    for (String t : tokens) {
      int id = id(t);
      if (id >= 0) {
        tf.merge(id, 1, Integer::sum);
      }
    }
    int[] idx = new int[tf.size()];
    float[] val = new float[tf.size()];
    int k = 0;
    double norm = 0;
    for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
      idx[k] = e.getKey();
      val[k] = (float) (1 + Math.log(e.getValue())) * idf[e.getKey()] * scale;
      norm += val[k] * val[k];
      k++;
    }
    if (norm > 0) {
      float inv = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < val.length; i++) {
        val[i] *= inv;
      }
    }
    return new SparseVector(idx, val);
  }

  /** Vector of a context: newest turn weighted 1, each older turn half as much, then normalised. */
  public SparseVector context(List<String> turns) {
    Map<Integer, Float> acc = new TreeMap<>();
    float weight = 1f;
    for (int i = turns.size() - 1; i >= 0; i--) {
      SparseVector v = tfidf(turns.get(i));
      for (int k = 0; k < v.indices().length; k++) {
        acc.merge(v.indices()[k], v.values()[k] * weight, Float::sum);
      }
      weight *= 0.5f;
    }
    int[] idx = new int[acc.size()];
    float[] val = new float[acc.size()];
    int k = 0;
    double norm = 0;
    for (Map.Entry<Integer, Float> e : acc.entrySet()) {
      idx[k] = e.getKey();
      val[k] = e.getValue();
      norm += val[k] * val[k];
      k++;
    }
    if (norm > 0) {
      float inv = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < val.length; i++) {
        val[i] *= inv;
      }
    }
    return new SparseVector(idx, val);
  }

  /** Hash of words and idf, to check that a checkpoint belongs to the same data. */
  public long fingerprint() {
    long h = 1125899906842597L;
    for (String w : words) {
      h = 31 * h + w.hashCode();
    }
    return 31 * h + Arrays.hashCode(idf);
  }

  /** Set of ids present in the text. */
  public Set<Integer> idSet(String text) {
    Set<Integer> set = new HashSet<>();
    for (String t : Tokenizer.words(text)) {
      int id = id(t);
      if (id >= 0) {
        set.add(id);
      }
    }
    return set;
  }
}
