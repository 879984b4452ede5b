package io.personastudio.bot.telegram;

import io.personastudio.bot.port.OutgoingMessage;
import io.personastudio.bot.port.ReplyOutbox;
import io.personastudio.bot.port.StoredMessage;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Replies from the update's commit to Telegram, surviving the node: they are recorded in the
 * update's transaction ({@link #record}), handed to the gateway after the commit, and removed from
 * the {@link ReplyOutbox} once Telegram took them (removals are batched by one thread, lingering
 * {@link #ACK_LINGER} for more, so a burst costs a statement per batch, not per message). This node
 * renews its leases every third of a lease and looks for messages whose lease ran out (their node
 * stopped between commit and delivery) every tenth of one, claiming and sending them here; a new
 * polling leader takes over all others' messages at once ({@link #takeOver}). A node that dies
 * after Telegram took a message but before its removal has it sent again: a duplicate instead of a
 * lost reply, in a window of {@link #ACK_LINGER} and one removal's round trip.
 */
final class ReplyDelivery implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ReplyDelivery.class.getName());

  /** Most expired messages claimed in one sweep (the next sweep takes the rest). */
  static final int CLAIM_BATCH = 200;

  private static final int ACK_BATCH = 500;

  /**
   * How long the acknowledging thread waits for more settled messages before removing them, so that
   * a burst removes many rows per statement; a node dying within this window after a delivery has
   * that message sent again.
   */
  static final Duration ACK_LINGER = Duration.ofMillis(50);

  /**
   * Replies Telegram has not taken after this long are dropped: its own updates are not kept
   * longer, and a reply a day late answers nothing.
   */
  static final Duration MAX_AGE = Duration.ofHours(24);

  private final ReplyOutbox outbox;
  private final TelegramGateway gateway;
  private final Duration lease;
  private final Duration retryAfter;
  private final String owner = UUID.randomUUID().toString();
  private final BlockingQueue<String> acks = new LinkedBlockingQueue<>();
  private final ScheduledExecutorService keeper;
  private final Thread acker;

  /**
   * @param retryAfter how long a reply the gateway gave up on for want of an answer (no answer,
   *     5xx) waits before any node tries it again
   */
  ReplyDelivery(
      ReplyOutbox outbox,
      TelegramGateway gateway,
      Duration lease,
      Duration retryAfter,
      ThreadFactory threads) {
    this.outbox = outbox;
    this.gateway = gateway;
    this.lease = lease;
    this.retryAfter = retryAfter;
    this.keeper = Executors.newSingleThreadScheduledExecutor(threads);
    this.acker = threads.newThread(this::ackLoop);
    acker.start();
    every(lease.toMillis() / 3, "renewing the outbox leases", () -> outbox.renew(owner, lease));
    every(lease.toMillis() / 10, "sweeping the outbox", this::sweep);
    every(Duration.ofMinutes(1).toMillis(), "discarding stale replies", this::discardStale);
  }

  /**
   * Runs {@code task} now and every {@code millis} on the keeper; a failure is logged, not fatal.
   */
  private void every(long millis, String what, Runnable task) {
    Runnable guarded =
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "{0} failed, retrying: {1}", what, e.toString());
          }
        };
    keeper.scheduleWithFixedDelay(guarded, 0, Math.max(1, millis), TimeUnit.MILLISECONDS);
  }

  /** In the updates' transaction: stores what their outboxes hold. */
  void record(List<Outbox> outboxes) {
    List<OutgoingMessage> messages = new ArrayList<>();
    outboxes.forEach(o -> messages.addAll(o.messages()));
    if (messages.isEmpty()) {
      return;
    }
    List<String> ids = outbox.record(owner, lease, messages);
    if (ids.size() != messages.size()) {
      throw new IllegalStateException(
          "the outbox stored " + ids.size() + " of " + messages.size() + " messages");
    }
    int from = 0;
    for (Outbox o : outboxes) {
      int to = from + o.messages().size();
      o.recorded(ids.subList(from, to));
      from = to;
    }
  }

  /**
   * After the commit: queues a recorded message. Once Telegram took it, or refused it for good
   * (blocked by the user, chat not found), it is removed; if Telegram could not be reached through
   * all the gateway's attempts, it is given back to be tried again after {@code retryAfter}.
   */
  void send(String id, long chatId, String text) {
    gateway.send(chatId, text).whenComplete((ok, failure) -> settle(id, failure));
  }

  private void settle(String id, Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof BotApiException e && e.isRetryable()) {
      try {
        outbox.release(List.of(id), retryAfter);
        return;
      } catch (RuntimeException releaseFailed) {
        LOG.log(Level.WARNING, "giving a reply back failed: {0}", releaseFailed.toString());
        return; // still leased to this node: another node sends it once this one stops
      }
    }
    acks.add(id);
  }

  private void discardStale() {
    int dropped = outbox.discardOlderThan(MAX_AGE);
    if (dropped > 0) {
      LOG.log(
          Level.WARNING, "dropped {0} replies Telegram did not take within {1}", dropped, MAX_AGE);
    }
  }

  private void sweep() {
    List<StoredMessage> orphans = outbox.claimExpired(owner, lease, CLAIM_BATCH);
    if (!orphans.isEmpty()) {
      LOG.log(Level.INFO, "sending {0} replies a stopped node left undelivered", orphans.size());
      orphans.forEach(this::send);
    }
  }

  private void send(StoredMessage message) {
    send(message.id(), message.chatId(), message.text());
  }

  /**
   * Sends every message other nodes left, whatever their lease: call when this node has just become
   * the only one sending (polling mode's new leader), before it handles updates, so that what the
   * node before it committed goes out at once and ahead of the new replies. Messages this node
   * already holds are not touched. A failure is logged; the sweep takes them once their lease ran
   * out.
   */
  void takeOver() {
    try {
      int taken = 0;
      List<StoredMessage> batch;
      while (!(batch = outbox.takeOver(owner, lease, CLAIM_BATCH)).isEmpty()) {
        batch.forEach(this::send);
        taken += batch.size();
      }
      if (taken > 0) {
        LOG.log(Level.INFO, "sending {0} replies the node polling before left undelivered", taken);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "taking the outbox over failed, the sweep will: {0}", e.toString());
    }
  }

  private void ackLoop() {
    List<String> batch = new ArrayList<>();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        batch.add(acks.take());
        // what settles within the linger shares the statement: under a burst a few per second
        Thread.sleep(ACK_LINGER.toMillis());
        acks.drainTo(batch, ACK_BATCH - 1);
        if (!remove(batch)) {
          acks.addAll(batch);
          Thread.sleep(1000);
        }
        batch.clear();
      }
    } catch (InterruptedException e) {
      acks.addAll(batch);
      Thread.currentThread().interrupt();
    }
  }

  private boolean remove(List<String> ids) {
    try {
      outbox.delivered(ids);
      return true;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "removing {0} sent replies failed, retrying: {1}", ids.size(), e);
      return false;
    }
  }

  /**
   * Stops renewing (what the gateway still holds is left to another node once the lease runs out)
   * and removes what was settled. Call after the gateway closed.
   */
  @Override
  public void close() {
    keeper.shutdownNow();
    acker.interrupt();
    try {
      acker.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<String> settled = new ArrayList<>();
    acks.drainTo(settled);
    if (!settled.isEmpty()) {
      remove(settled);
    }
  }
}
