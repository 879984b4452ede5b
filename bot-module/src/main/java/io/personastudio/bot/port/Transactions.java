package io.personastudio.bot.port;

import java.util.function.Supplier;

/** Runs one update's work as one unit: a JTA transaction on the server, a plain call in tests. */
public interface Transactions {

  <T> T inTransaction(Supplier<T> work);
}
