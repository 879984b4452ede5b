package io.personastudio.bot.port;

/**
 * Exactly-once bookkeeping of Telegram updates. {@link #firstSeen} runs in the same transaction as
 * the update's effect (bindings, memory), so a redelivered update is recognised and a rolled-back
 * one is not marked.
 */
public interface UpdateLedger {

  /** Records the update id; true the first time, false for a redelivery. */
  boolean firstSeen(long updateId);

  /** The offset to ask {@code getUpdates} for: one past the last confirmed update, 0 if none. */
  long nextOffset();

  /** Persists the polling offset once a batch is handled, so it survives a restart. */
  void confirmOffset(long nextOffset);
}
