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
 * Updates, exactly once: an update's ledger entry, its conversation's effects and its replies
 * (recorded in the {@link ReplyDelivery}'s outbox) share a transaction; the replies leave after the
 * commit. Several updates waiting on one stripe share one transaction ({@link #processAll}); when
 * it fails, each is handled again in a transaction of its own, so one bad update cannot cost the
 * others their replies. A failure is logged (ids only, never content), answered with a short
 * apology and marked handled, and the bot goes on. The webhook endpoint calls {@link #process} for
 * one update.
 */
public final class UpdateProcessor {

  private static final System.Logger LOG = System.getLogger(UpdateProcessor.class.getName());

  private final ConversationHandler handler;
  private final UpdateLedger ledger;
  private final Transactions transactions;
  private final TelegramGateway gateway;
  private final ReplyDelivery delivery;

  UpdateProcessor(
      ConversationHandler handler,
      UpdateLedger ledger,
      Transactions transactions,
      TelegramGateway gateway,
      ReplyDelivery delivery) {
    this.handler = handler;
    this.ledger = ledger;
    this.transactions = transactions;
    this.gateway = gateway;
    this.delivery = delivery;
  }

  /** One update in a transaction of its own. */
  public void process(Update update) {
    Pending one = new Pending(update, gateway, delivery);
    boolean first;
    try {
      first =
          transactions.inTransaction(
              () -> {
                boolean seen = one.handle(ledger.firstSeen(one.updateId), handler);
                delivery.record(List.of(one.outbox));
                return seen;
              });
    } catch (RuntimeException e) {
      one.outbox.discard();
      LOG.log(Level.ERROR, "update " + one.updateId + " failed; answering with an apology", e);
      apologise(one);
      return;
    }
    one.afterCommit(first);
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
    updates.forEach(update -> batch.add(new Pending(update, gateway, delivery)));
    List<Boolean> firsts;
    try {
      firsts =
          transactions.inTransaction(
              () -> {
                List<Long> ids = new ArrayList<>(batch.size());
                batch.forEach(p -> ids.add(p.updateId));
                List<Boolean> seen = ledger.firstSeen(ids);
                List<Outbox> outboxes = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                  batch.get(i).handle(seen.get(i), handler);
                  outboxes.add(batch.get(i).outbox);
                }
                delivery.record(outboxes);
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

  /**
   * Marks the failed update handled (so that a restart does not replay it) and records its apology
   * in the same transaction; if even that fails, the apology goes out unrecorded.
   */
  private void apologise(Pending failed) {
    Outbox apology = new Outbox(gateway, delivery);
    failed.inbound.ifPresent(
        in -> apology.send(in.chatId(), Texts.of(in.language()).get("apology")));
    try {
      transactions.inTransaction(
          () -> {
            ledger.firstSeen(failed.updateId);
            delivery.record(List.of(apology));
            return null;
          });
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "could not mark update " + failed.updateId + " as handled", e);
      apology.messages().forEach(m -> gateway.send(m.chatId(), m.text()));
      apology.discard();
      return;
    }
    apology.flush();
  }

  /** One update on its way through: what it says and what it will answer once committed. */
  private static final class Pending {
    final long updateId;
    final Optional<Inbound> inbound;
    final Outbox outbox;

    Pending(Update update, TelegramGateway gateway, ReplyDelivery delivery) {
      this.updateId = update.getUpdateId();
      this.inbound = UpdateTranslator.translate(update);
      this.outbox = new Outbox(gateway, delivery);
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
