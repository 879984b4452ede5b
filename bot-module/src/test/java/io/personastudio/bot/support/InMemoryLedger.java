package io.personastudio.bot.support;

import io.personastudio.bot.port.UpdateLedger;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Seen update ids and the confirmed offset; survives "restarts" by being shared between bots. */
public final class InMemoryLedger implements UpdateLedger {

  private final Set<Long> seen = ConcurrentHashMap.newKeySet();
  private final AtomicLong offset = new AtomicLong();
  private final AtomicReference<Error> nextOffsetFailure = new AtomicReference<>();

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
    Error failure = nextOffsetFailure.getAndSet(null);
    if (failure != null) {
      throw failure;
    }
    return offset.get();
  }

  /** The next {@link #nextOffset()} call (the poller's, before each poll) throws this, once. */
  public void failNextOffsetOnce(Error failure) {
    nextOffsetFailure.set(failure);
  }

  /** True once the failure asked for has been thrown. */
  public boolean failureThrown() {
    return nextOffsetFailure.get() == null;
  }

  @Override
  public void confirmOffset(long nextOffset) {
    offset.accumulateAndGet(nextOffset, Math::max);
  }
}
