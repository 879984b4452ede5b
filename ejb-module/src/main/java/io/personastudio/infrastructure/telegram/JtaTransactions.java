package io.personastudio.infrastructure.telegram;

import io.personastudio.bot.port.Transactions;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * One update (or a stripe's batch of waiting updates) = one JTA transaction of its own: the ledger
 * entries and the effects commit together, and the JDBC ports share one connection handle in it
 * ({@link TelegramDb}). A runtime exception from the work rolls it back and reaches the bot wrapped
 * in an EJBException.
 */
@Stateless
public class JtaTransactions implements Transactions {

  @Inject TelegramDb db;

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public <T> T inTransaction(Supplier<T> work) {
    return db.bound(work);
  }
}
