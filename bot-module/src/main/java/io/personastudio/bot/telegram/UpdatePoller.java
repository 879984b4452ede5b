package io.personastudio.bot.telegram;

import io.personastudio.bot.port.UpdateLedger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Long polling with the offset kept in the {@link UpdateLedger}: a batch is handled (in parallel
 * across chats, in order within one), then its offset is confirmed and persisted, so a restart
 * resumes where the last one stopped; updates replayed after a crash are filtered by the ledger.
 * The offset never passes an update that is not handled yet, even when the wait for the batch is
 * cut short (the watchdog interrupting a poller stuck behind a slow reply). Nothing escapes {@link
 * #run()} but an {@link Error}; the watchdog covers that case.
 */
final class UpdatePoller implements Runnable {

  private static final System.Logger LOG = System.getLogger(UpdatePoller.class.getName());
  private static final Duration BATCH_DEADLINE = Duration.ofMinutes(2);

  private final BotApi api;
  private final BotSettings settings;
  private final UpdateLedger ledger;
  private final ChatStripes<Update> stripes;
  private volatile boolean stopped;
  private volatile long heartbeatNanos = System.nanoTime();

  UpdatePoller(BotApi api, BotSettings settings, UpdateLedger ledger, ChatStripes<Update> stripes) {
    this.api = api;
    this.settings = settings;
    this.ledger = ledger;
    this.stripes = stripes;
  }

  @Override
  public void run() {
    int failures = 0;
    while (!stopped && !Thread.currentThread().isInterrupted()) {
      heartbeatNanos = System.nanoTime();
      try {
        List<Update> batch = poll();
        if (stopped) {
          return;
        }
        handle(batch);
        failures = 0;
      } catch (BotApiException e) {
        if (stopped) {
          return;
        }
        failures++;
        Duration pause = e.isTooManyRequests() ? e.retryAfter() : backoff(failures);
        String why = e.isConflict() ? "another poller or a webhook is active" : e.getMessage();
        LOG.log(Level.WARNING, "getUpdates failed ({0}); polling again in {1}", why, pause);
        sleep(pause);
      } catch (RuntimeException e) {
        failures++;
        LOG.log(Level.ERROR, "polling loop error; continuing", e);
        sleep(backoff(failures));
      }
    }
  }

  private List<Update> poll() throws BotApiException {
    long offset = ledger.nextOffset();
    GetUpdates request =
        GetUpdates.builder()
            .offset(offset > 0 ? Math.toIntExact(offset) : null)
            .timeout(settings.pollTimeoutSeconds())
            .limit(100)
            .build();
    Duration deadline = settings.httpTimeout().plusSeconds(settings.pollTimeoutSeconds());
    return api.call(request, deadline);
  }

  private void handle(List<Update> batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<Dispatched> work = new ArrayList<>(batch.size());
    for (Update update : batch) {
      long chatId = update.hasMessage() ? update.getMessage().getChatId() : 0;
      work.add(new Dispatched(update.getUpdateId(), stripes.submit(chatId, update)));
    }
    awaitAll(work);
    ledger.confirmOffset(confirmable(work));
  }

  /**
   * The offset that is safe to confirm: below the oldest update not handled yet (still in flight
   * after an interrupted or timed-out wait, or dropped by stripes that closed), else past the whole
   * batch. Confirming past an unhandled update would lose it if the node died then; left
   * unconfirmed, Telegram sends it again and the ledger skips it if it was handled meanwhile.
   */
  static long confirmable(List<Dispatched> work) {
    long oldestUnhandled = Long.MAX_VALUE;
    long maxId = 0;
    for (Dispatched d : work) {
      maxId = Math.max(maxId, d.updateId());
      if (!d.handled()) {
        oldestUnhandled = Math.min(oldestUnhandled, d.updateId());
      }
    }
    return oldestUnhandled == Long.MAX_VALUE ? maxId + 1 : oldestUnhandled;
  }

  private void awaitAll(List<Dispatched> work) {
    try {
      CompletableFuture.allOf(work.stream().map(Dispatched::done).toArray(CompletableFuture[]::new))
          .get(BATCH_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Failures inside were logged by the processor or the stripes; what is unhandled stays
      // unconfirmed (see confirmable) and comes again with the next poll.
      LOG.log(Level.WARNING, "a batch did not finish cleanly: {0}", e.toString());
    }
  }

  /** An update handed to its stripe; handled once its future completed normally. */
  record Dispatched(long updateId, CompletableFuture<Void> done) {
    boolean handled() {
      return done.isDone() && !done.isCompletedExceptionally();
    }
  }

  private Duration backoff(int failures) {
    long millis = settings.backoffBase().toMillis() << Math.min(failures - 1, 16);
    return Duration.ofMillis(Math.min(millis, settings.backoffMax().toMillis()));
  }

  private void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void stop() {
    stopped = true;
  }

  boolean isStopped() {
    return stopped;
  }

  /** Time since the loop last started a poll. */
  Duration sinceHeartbeat() {
    return Duration.ofNanos(System.nanoTime() - heartbeatNanos);
  }
}
