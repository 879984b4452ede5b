package io.personastudio.bot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Slows down token guessing: at most N wrong tokens per chat within a sliding window. */
public final class TokenAttemptThrottle {

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final ConcurrentMap<Long, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public TokenAttemptThrottle(int maxFailures, Duration window, Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  /** Five wrong tokens per ten minutes per chat. */
  public static TokenAttemptThrottle standard(Clock clock) {
    return new TokenAttemptThrottle(5, Duration.ofMinutes(10), clock);
  }

  /** How long the chat still has to wait, or {@link Duration#ZERO} when it may try. */
  public Duration waitFor(long chatId) {
    Deque<Instant> times = failures.get(chatId);
    if (times == null) {
      return Duration.ZERO;
    }
    synchronized (times) {
      Instant now = clock.instant();
      prune(times, now);
      if (times.size() < maxFailures) {
        return Duration.ZERO;
      }
      return Duration.between(now, times.peekFirst().plus(window));
    }
  }

  public void recordFailure(long chatId) {
    Deque<Instant> times = failures.computeIfAbsent(chatId, id -> new ArrayDeque<>());
    synchronized (times) {
      Instant now = clock.instant();
      prune(times, now);
      times.addLast(now);
    }
  }

  private void prune(Deque<Instant> times, Instant now) {
    while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
      times.removeFirst();
    }
  }
}
