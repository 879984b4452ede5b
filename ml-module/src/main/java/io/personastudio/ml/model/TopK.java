package io.personastudio.ml.model;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** Selects the k best positive scores, best first; ties go to the lower index (deterministic). */
final class TopK {
  private TopK() {}

  static List<Bm25Index.Hit> of(float[] scores, int k) {
    PriorityQueue<Bm25Index.Hit> heap =
        new PriorityQueue<>(
            (a, b) ->
                a.score() != b.score()
                    ? Float.compare(a.score(), b.score())
                    : Integer.compare(b.index(), a.index()));
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] <= 0) {
        continue;
      }
      if (heap.size() < k) {
        heap.add(new Bm25Index.Hit(i, scores[i]));
      } else if (scores[i] > heap.peek().score()) {
        heap.poll();
        heap.add(new Bm25Index.Hit(i, scores[i]));
      }
    }
    List<Bm25Index.Hit> out = new ArrayList<>(heap);
    out.sort(
        (a, b) ->
            a.score() != b.score()
                ? Float.compare(b.score(), a.score())
                : Integer.compare(a.index(), b.index()));
    return out;
  }
}
