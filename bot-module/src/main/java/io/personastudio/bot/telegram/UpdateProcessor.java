package io.personastudio.bot.telegram;

import io.personastudio.bot.conversation.ConversationHandler;
import io.personastudio.bot.conversation.Inbound;
import io.personastudio.bot.conversation.Texts;
import io.personastudio.bot.port.Transactions;
import io.personastudio.bot.port.UpdateLedger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Updates, exactly once: an update's ledger entry and its conversation's effects share a
 * transaction, replies leave after the commit. Several updates waiting on one stripe share one
 * transaction ({@link #processAll}); when it fails, each is handled again in a transaction of its
 * own, so one bad update cannot cost the others their replies. A failure is logged (ids only, never
 * content), answered with a short apology and marked handled, and the bot goes on. The webhook
 * endpoint calls {@link #process} for one update.
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

  /** One update in a transaction of its own. */
  public void process(Update update) {
    Pending one = new Pending(update, gateway);
    try {
      boolean first =
          transactions.inTransaction(() -> one.handle(ledger.firstSeen(one.updateId), handler));
      one.afterCommit(first);
    } catch (RuntimeException e) {
      one.outbox.discard();
      LOG.log(Level.ERROR, "update " + one.updateId + " failed; answering with an apology", e);
      markHandled(one.updateId);
      one.inbound.ifPresent(
          in -> gateway.send(in.chatId(), Texts.of(in.language()).get("apology")));
    }
  }

  /**
   * Updates in the order given (those of one chat in the order they came) in one transaction (their
   * ledger entries recorded together first); their replies leave after its commit, in that order.
   * If it fails, nothing of it was said, and each update is handled again by {@link #process}: the
   * ledger skips none of them, since none was committed.
   */
  public void processAll(List<Update> updates) {
    if (updates.size() == 1) {
      process(updates.get(0));
      return;
    }
    List<Pending> batch = new ArrayList<>(updates.size());
    updates.forEach(update -> batch.add(new Pending(update, gateway)));
    List<Boolean> firsts;
    try {
      firsts =
          transactions.inTransaction(
              () -> {
                List<Long> ids = new ArrayList<>(batch.size());
                batch.forEach(p -> ids.add(p.updateId));
                List<Boolean> seen = ledger.firstSeen(ids);
                for (int i = 0; i < batch.size(); i++) {
                  batch.get(i).handle(seen.get(i), handler);
                }
                return seen;
              });
    } catch (RuntimeException e) {
      batch.forEach(p -> p.outbox.discard());
      LOG.log(
          Level.WARNING,
          "a batch of {0} updates failed ({1}); handling them one by one",
          batch.size(),
          e.toString());
      updates.forEach(this::process);
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).afterCommit(firsts.get(i));
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

  /** One update on its way through: what it says and what it will answer once committed. */
  private static final class Pending {
    final long updateId;
    final Optional<Inbound> inbound;
    final Outbox outbox;

    Pending(Update update, TelegramGateway gateway) {
      this.updateId = update.getUpdateId();
      this.inbound = UpdateTranslator.translate(update);
      this.outbox = new Outbox(gateway);
    }

    /**
     * Inside the transaction, once the ledger said whether it is new: a redelivery does nothing.
     */
    boolean handle(boolean first, ConversationHandler handler) {
      if (first) {
        inbound.ifPresent(in -> handler.handle(in, outbox));
      }
      return first;
    }

    void afterCommit(boolean first) {
      if (first) {
        outbox.flush();
      } else {
        outbox.discard();
        LOG.log(Level.DEBUG, "update {0} was handled before, ignored", updateId);
      }
    }
  }
}
