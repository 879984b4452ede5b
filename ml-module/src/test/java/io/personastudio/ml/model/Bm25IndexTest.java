package io.personastudio.ml.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.ml.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Bm25IndexTest {
  private static final String[] WORDS = {
    "coffee", "rain", "tea", "walk", "movie", "cake", "train", "book", "кофе", "дождь", "lol", "ok"
  };

  @Test
  void scoresAreOkapiBm25ToTheLastBit() {
    Random random = new Random(3);
    List<String> documents = new ArrayList<>();
    for (int d = 0; d < 400; d++) {
      documents.add(sentence(random, 1 + random.nextInt(12)));
    }
    Bm25Index index = new Bm25Index(documents);
    for (int q = 0; q < 50; q++) {
      String query = sentence(random, 1 + random.nextInt(5));
      float[] expected = textbook(documents, query);

      List<Bm25Index.Hit> hits = index.search(query, 25);

      assertThat(hits).isEqualTo(TopK.of(expected, 25)).isNotEmpty();
    }
  }

  @Test
  void aQueryWithoutKnownWordsFindsNothing() {
    Bm25Index index = new Bm25Index(List.of("coffee rain", "tea walk"));

    assertThat(index.search("zebra", 5)).isEmpty();
    assertThat(index.search("", 5)).isEmpty();
  }

  private static String sentence(Random random, int words) {
    StringBuilder s = new StringBuilder();
    for (int w = 0; w < words; w++) {
      s.append(WORDS[random.nextInt(WORDS.length)]).append(w % 3 == 2 ? "? " : " ");
    }
    return s.toString();
  }

  /** The formula written out per query, as the index computed it before postings were flat. */
  private static float[] textbook(List<String> documents, String query) {
    float k1 = 1.2f;
    float b = 0.75f;
    int n = documents.size();
    List<Map<String, Integer>> counts = new ArrayList<>();
    float[] length = new float[n];
    double total = 0;
    Map<String, Integer> df = new HashMap<>();
    for (int d = 0; d < n; d++) {
      List<String> tokens = Tokenizer.words(documents.get(d));
      length[d] = tokens.size();
      total += tokens.size();
      Map<String, Integer> tf = new HashMap<>();
      tokens.forEach(t -> tf.merge(t, 1, Integer::sum));
      tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
      counts.add(tf);
    }
    float avg = (float) Math.max(1e-3, total / n);
    float[] scores = new float[n];
    for (String term : new LinkedHashSet<>(Tokenizer.words(query))) {
      Integer docs = df.get(term);
      if (docs == null) {
        continue;
      }
      float idf = (float) Math.log(1 + (n - docs + 0.5) / (docs + 0.5));
      for (int d = 0; d < n; d++) {
        Integer c = counts.get(d).get(term);
        if (c != null) {
          float tf = c;
          scores[d] += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length[d] / avg));
        }
      }
    }
    return scores;
  }
}
