package io.personastudio.bot.port;

import java.util.ArrayList;
import java.util.List;

/**
 * Exactly-once bookkeeping of Telegram updates. {@link #firstSeen} runs in the same transaction as
 * the update's effect (bindings, memory), so a redelivered update is recognised and a rolled-back
 * one is not marked.
 */
public interface UpdateLedger {

  /** Records the update id; true the first time, false for a redelivery. */
  boolean firstSeen(long updateId);

  /**
   * {@link #firstSeen} for several updates in the same transaction, in their order (an id given
   * twice is first seen at most once); a store may record them in one round trip.
   */
  default List<Boolean> firstSeen(List<Long> updateIds) {
    List<Boolean> first = new ArrayList<>(updateIds.size());
    updateIds.forEach(id -> first.add(firstSeen(id)));
    return first;
  }

  /** The offset to ask {@code getUpdates} for: one past the last confirmed update, 0 if none. */
  long nextOffset();

  /** Persists the polling offset once a batch is handled, so it survives a restart. */
  void confirmOffset(long nextOffset);
}
