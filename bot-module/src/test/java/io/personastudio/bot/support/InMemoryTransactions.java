package io.personastudio.bot.support;

import io.personastudio.bot.port.Transactions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Transactions for the in-memory ports: a rolled-back unit undoes what the ports recorded through
 * {@link #onRollback} on this thread (newest first), as a database would. Counts commits and
 * rollbacks. Nested calls join the outer unit.
 */
public final class InMemoryTransactions implements Transactions {

  private static final ThreadLocal<Deque<Runnable>> UNDO = new ThreadLocal<>();

  private final AtomicInteger commits = new AtomicInteger();
  private final AtomicInteger rollbacks = new AtomicInteger();

  /** Called by a port after a change: how to take it back if the current unit rolls back. */
  static void onRollback(Runnable undo) {
    Deque<Runnable> log = UNDO.get();
    if (log != null) {
      log.push(undo);
    }
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (UNDO.get() != null) {
      return work.get();
    }
    Deque<Runnable> log = new ArrayDeque<>();
    UNDO.set(log);
    try {
      T result = work.get();
      commits.incrementAndGet();
      return result;
    } catch (RuntimeException | Error e) {
      log.forEach(Runnable::run);
      rollbacks.incrementAndGet();
      throw e;
    } finally {
      UNDO.remove();
    }
  }

  public int commits() {
    return commits.get();
  }

  public int rollbacks() {
    return rollbacks.get();
  }
}
