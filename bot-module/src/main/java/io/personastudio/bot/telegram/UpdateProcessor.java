package io.personastudio.bot.telegram;

import io.personastudio.bot.conversation.ConversationHandler;
import io.personastudio.bot.conversation.Inbound;
import io.personastudio.bot.conversation.Texts;
import io.personastudio.bot.port.Transactions;
import io.personastudio.bot.port.UpdateLedger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * One update, exactly once: the ledger entry and the conversation's effects share a transaction,
 * replies leave after the commit. A failure is logged (ids only, never content), answered with a
 * short apology and marked handled, and the bot goes on. Both polling and the webhook endpoint call
 * {@link #process}.
 */
public final class UpdateProcessor {

  private static final System.Logger LOG = System.getLogger(UpdateProcessor.class.getName());

  private final ConversationHandler handler;
  private final UpdateLedger ledger;
  private final Transactions transactions;
  private final TelegramGateway gateway;

  public UpdateProcessor(
      ConversationHandler handler,
      UpdateLedger ledger,
      Transactions transactions,
      TelegramGateway gateway) {
    this.handler = handler;
    this.ledger = ledger;
    this.transactions = transactions;
    this.gateway = gateway;
  }

  public void process(Update update) {
    long updateId = update.getUpdateId();
    Optional<Inbound> inbound = UpdateTranslator.translate(update);
    Outbox outbox = new Outbox(gateway);
    try {
      boolean first =
          transactions.inTransaction(
              () -> {
                if (!ledger.firstSeen(updateId)) {
                  return false;
                }
                inbound.ifPresent(in -> handler.handle(in, outbox));
                return true;
              });
      if (first) {
        outbox.flush();
      } else {
        LOG.log(Level.DEBUG, "update {0} was handled before, ignored", updateId);
      }
    } catch (RuntimeException e) {
      outbox.discard();
      LOG.log(Level.ERROR, "update " + updateId + " failed; answering with an apology", e);
      markHandled(updateId);
      inbound.ifPresent(in -> gateway.send(in.chatId(), Texts.of(in.language()).get("apology")));
    }
  }

  /** So that a restart does not replay an update that already got its apology. */
  private void markHandled(long updateId) {
    try {
      transactions.inTransaction(() -> ledger.firstSeen(updateId));
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "could not mark update " + updateId + " as handled", e);
    }
  }
}
