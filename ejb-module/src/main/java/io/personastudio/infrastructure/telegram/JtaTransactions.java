package io.personastudio.infrastructure.telegram;

import io.personastudio.bot.port.Transactions;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;

/**
 * One update = one JTA transaction of its own: the ledger entry and the effects commit together. A
 * runtime exception from the work rolls it back and reaches the bot wrapped in an EJBException.
 */
@Stateless
public class JtaTransactions implements Transactions {

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}
