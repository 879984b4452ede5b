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
 * Nothing escapes {@link #run()} but an {@link Error}; the watchdog covers that case.
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
    List<CompletableFuture<Void>> work = new ArrayList<>();
    long maxId = 0;
    for (Update update : batch) {
      maxId = Math.max(maxId, update.getUpdateId());
      long chatId = update.hasMessage() ? update.getMessage().getChatId() : 0;
      work.add(stripes.submit(chatId, update));
    }
    awaitAll(work);
    ledger.confirmOffset(maxId + 1);
  }

  private void awaitAll(List<CompletableFuture<Void>> work) {
    try {
      CompletableFuture.allOf(work.toArray(CompletableFuture[]::new))
          .get(BATCH_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // The processor already logged its own failures; the ledger guards against repeats.
      LOG.log(Level.WARNING, "a batch did not finish cleanly: {0}", e.toString());
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
