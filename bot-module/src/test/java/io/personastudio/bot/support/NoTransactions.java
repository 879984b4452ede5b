package io.personastudio.bot.support;

import io.personastudio.bot.port.Transactions;
import java.util.function.Supplier;

/**
 * No transaction at all, for in-memory ports. A test helper, not a static factory on the port: the
 * server exposes {@link Transactions} as an EJB's local view, and a static method there made every
 * node warn at start that the bean does not implement it.
 */
public final class NoTransactions implements Transactions {

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}
