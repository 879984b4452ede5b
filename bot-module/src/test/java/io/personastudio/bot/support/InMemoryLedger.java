package io.personastudio.bot.support;

import io.personastudio.bot.port.UpdateLedger;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Seen update ids and the confirmed offset; survives "restarts" by being shared between bots. */
public final class InMemoryLedger implements UpdateLedger {

  private final Set<Long> seen = ConcurrentHashMap.newKeySet();
  private final AtomicLong offset = new AtomicLong();

  @Override
  public boolean firstSeen(long updateId) {
    boolean first = seen.add(updateId);
    if (first) {
      InMemoryTransactions.onRollback(() -> seen.remove(updateId));
    }
    return first;
  }

  @Override
  public long nextOffset() {
    return offset.get();
  }

  @Override
  public void confirmOffset(long nextOffset) {
    offset.accumulateAndGet(nextOffset, Math::max);
  }
}
