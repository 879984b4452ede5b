package io.personastudio.bot.telegram;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;

/**
 * Outbound messages within Telegram's limits. Each chat has a FIFO lane that sends at most one
 * message per {@code perChatInterval} (counted from the previous delivery), all lanes together at
 * most one per {@code globalInterval}. Nothing is dropped for being over a limit: it waits. A 429
 * pauses everything for {@code retry_after}; no answer or a 5xx is retried with exponential
 * backoff; other errors (blocked by the user, chat not found) are final.
 */
public final class TelegramGateway implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(TelegramGateway.class.getName());

  private final BotApi api;
  private final BotSettings settings;
  private final Map<Long, ChatLane> lanes = new HashMap<>();
  private final DelayQueue<ChatLane> ready = new DelayQueue<>();
  private final ExecutorService senders;
  private final ScheduledExecutorService typingTimer;
  private final Thread dispatcher;
  private volatile boolean running = true;
  private volatile long pausedUntilNanos = System.nanoTime();
  private final Object globalSlot = new Object();
  private long nextSlotNanos = System.nanoTime();
  private int sendsSinceSweep;

  public TelegramGateway(BotApi api, BotSettings settings, ThreadFactory threads) {
    this.api = api;
    this.settings = settings;
    this.senders = Executors.newFixedThreadPool(16, threads);
    this.typingTimer = Executors.newSingleThreadScheduledExecutor(threads);
    this.dispatcher = threads.newThread(this::dispatchLoop);
    dispatcher.start();
  }

  /** Queues a message; the future completes when Telegram accepted it (or gave up for good). */
  public CompletableFuture<Void> send(long chatId, String text) {
    ChatLane.Outgoing outgoing = new ChatLane.Outgoing(text);
    synchronized (lanes) {
      if (++sendsSinceSweep >= 1024) {
        sendsSinceSweep = 0;
        sweepIdleLanes();
      }
      ChatLane lane = lanes.computeIfAbsent(chatId, ChatLane::new);
      lane.queue.addLast(outgoing);
      if (!lane.scheduled) {
        lane.scheduled = true;
        ready.add(lane);
      }
    }
    return outgoing.delivered();
  }

  /**
   * "typing..." once the reply has taken {@link BotSettings#typingDelay()}, unless the returned
   * handle is cancelled first (the reply is ready).
   */
  public Future<?> typingUnlessDoneSoon(long chatId) {
    if (settings.typingDelay().isZero()) {
      typing(chatId);
      return CompletableFuture.completedFuture(null);
    }
    try {
      return typingTimer.schedule(
          () -> typing(chatId), settings.typingDelay().toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(null); // closing: no hint needed
    }
  }

  /** "typing..." right away: cosmetic, not rate-limited, never retried. */
  public void typing(long chatId) {
    senders.execute(
        () -> {
          try {
            SendChatAction action =
                SendChatAction.builder().chatId(chatId).action("typing").build();
            api.call(action, settings.httpTimeout());
          } catch (BotApiException e) {
            LOG.log(Level.DEBUG, "typing action for chat {0} failed: {1}", chatId, e.getMessage());
          }
        });
  }

  /** Messages queued and not yet delivered. */
  public int backlog() {
    synchronized (lanes) {
      return lanes.values().stream().mapToInt(lane -> lane.queue.size()).sum();
    }
  }

  private void dispatchLoop() {
    while (running) {
      try {
        ChatLane lane = ready.take();
        ChatLane.Outgoing next;
        synchronized (lanes) {
          next = lane.queue.peekFirst();
        }
        senders.execute(() -> deliver(lane, next));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "outbound dispatcher error, continuing", e);
      }
    }
  }

  /**
   * Taken by the sending thread right before its HTTP call: slots handed out by the dispatcher
   * bunched when a starved pool started several queued sends at once (a 429 under load).
   */
  private void awaitGlobalSlot() throws InterruptedException {
    synchronized (globalSlot) {
      awaitGlobalSlotLocked();
    }
  }

  private void awaitGlobalSlotLocked() throws InterruptedException {
    long slot = Math.max(nextSlotNanos, pausedUntilNanos);
    long wait;
    while ((wait = slot - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      slot = Math.max(slot, pausedUntilNanos);
    }
    nextSlotNanos = System.nanoTime() + settings.globalInterval().toNanos();
  }

  private void deliver(ChatLane lane, ChatLane.Outgoing message) {
    Duration pause = settings.perChatInterval();
    boolean done = true;
    try {
      awaitGlobalSlot();
      message.attempts()[0]++;
      api.call(TextMessage.to(lane.chatId, message.text()), settings.httpTimeout());
      message.delivered().complete(null);
    } catch (BotApiException e) {
      if (e.isTooManyRequests()) {
        pause = e.retryAfter();
        pausedUntilNanos = System.nanoTime() + pause.toNanos();
        message.attempts()[0]--;
        done = false;
        LOG.log(Level.INFO, "Telegram asked to wait {0}: all sends paused", pause);
      } else if (e.isRetryable() && message.attempts()[0] < settings.maxAttempts()) {
        pause = backoff(message.attempts()[0]);
        done = false;
        LOG.log(
            Level.WARNING,
            "send to chat {0} failed ({1}), retry in {2}",
            lane.chatId,
            e.getMessage(),
            pause);
      } else {
        LOG.log(Level.WARNING, "send to chat {0} given up: {1}", lane.chatId, e.getMessage());
        message.delivered().completeExceptionally(e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done = false;
      pause = Duration.ZERO;
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "send to chat " + lane.chatId + " failed unexpectedly", e);
      message.delivered().completeExceptionally(e);
    }
    reschedule(lane, done, pause);
  }

  private void reschedule(ChatLane lane, boolean done, Duration pause) {
    synchronized (lanes) {
      if (done) {
        lane.queue.pollFirst();
      }
      // An idle lane stays in the map so that the next message still waits for the pause.
      lane.notBeforeNanos = System.nanoTime() + pause.toNanos();
      if (lane.queue.isEmpty()) {
        lane.scheduled = false;
      } else {
        ready.add(lane);
      }
    }
  }

  private void sweepIdleLanes() {
    long now = System.nanoTime();
    lanes.values().removeIf(lane -> !lane.scheduled && lane.notBeforeNanos - now < 0);
  }

  private Duration backoff(int attempt) {
    long millis = settings.backoffBase().toMillis() << Math.min(attempt - 1, 16);
    return Duration.ofMillis(Math.min(millis, settings.backoffMax().toMillis()));
  }

  @Override
  public void close() {
    running = false;
    dispatcher.interrupt();
    typingTimer.shutdownNow();
    senders.shutdown();
    try {
      if (!senders.awaitTermination(settings.httpTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        senders.shutdownNow();
      }
    } catch (InterruptedException e) {
      senders.shutdownNow();
      Thread.currentThread().interrupt();
    }
    int left = backlog();
    if (left > 0) {
      LOG.log(
          Level.WARNING,
          "gateway closed with {0} messages not delivered; recorded replies among them stay in the"
              + " outbox for another node once this one's lease runs out",
          left);
    }
  }
}
