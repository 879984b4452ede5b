package io.personastudio.ml.eval;

import io.personastudio.ml.dataset.DialoguePair;
import io.personastudio.ml.text.SparseVector;
import io.personastudio.ml.text.Vocabulary;
import java.util.List;

/**
 * The protocol's retrieval baseline: reply with the person's answer to the most similar training
 * context (TF-IDF cosine). To rank, a candidate scores its cosine to that retrieved answer, with
 * the cosine to the context as a tie-breaker.
 */
final class TfIdfBaseline {
  private final Vocabulary vocabulary;
  private final SparseVector[] contexts;
  private final List<DialoguePair> pairs;

  TfIdfBaseline(Vocabulary vocabulary, List<DialoguePair> personPairs) {
    this.vocabulary = vocabulary;
    this.pairs = personPairs;
    this.contexts = new SparseVector[personPairs.size()];
    for (int i = 0; i < contexts.length; i++) {
      contexts[i] = vocabulary.tfidf(String.join("\n", personPairs.get(i).context()));
    }
  }

  String reply(List<String> context) {
    SparseVector q = vocabulary.tfidf(String.join("\n", context));
    int best = 0;
    float bestScore = -1;
    for (int i = 0; i < contexts.length; i++) {
      float s = q.dot(contexts[i]);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return pairs.get(best).reply();
  }

  float[] rank(List<String> context, List<String> candidates) {
    SparseVector answer = vocabulary.tfidf(reply(context));
    SparseVector q = vocabulary.tfidf(String.join("\n", context));
    float[] scores = new float[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      SparseVector c = vocabulary.tfidf(candidates.get(i));
      scores[i] = c.dot(answer) + 1e-3f * c.dot(q);
    }
    return scores;
  }
}
