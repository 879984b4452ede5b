package io.personastudio.ml.dataset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Conversations (lists of turns) and the (context, reply) pairs built from them, in time order. */
public record Dataset(List<List<Turn>> conversations, List<DialoguePair> pairs) {

  public Dataset {
    conversations = List.copyOf(conversations);
    pairs = List.copyOf(pairs);
  }

  /** Pairs whose reply is by the given sender. */
  public List<DialoguePair> repliesBy(String senderId) {
    return pairs.stream().filter(p -> p.replierId().equals(senderId)).toList();
  }

  /** All turns, in time order. */
  public List<Turn> turns() {
    List<Turn> all = new ArrayList<>();
    conversations.forEach(all::addAll);
    return all;
  }

  /**
   * The instant that splits the turns by time: the first {@code 1 - testFraction} of turns come
   * before it.
   */
  public Instant splitTime(double testFraction) {
    List<Turn> all = turns();
    if (all.isEmpty()) {
      return Instant.MAX;
    }
    int index = (int) Math.floor(all.size() * (1 - testFraction));
    index = Math.max(0, Math.min(all.size() - 1, index));
    return all.get(index).start();
  }

  /** Pairs whose reply started before the instant (training side of a split). */
  public List<DialoguePair> pairsBefore(Instant split) {
    return pairs.stream().filter(p -> p.time().isBefore(split)).toList();
  }

  /** Pairs whose reply started at or after the instant (validation side of a split). */
  public List<DialoguePair> pairsFrom(Instant split) {
    return pairs.stream().filter(p -> !p.time().isBefore(split)).toList();
  }
}
