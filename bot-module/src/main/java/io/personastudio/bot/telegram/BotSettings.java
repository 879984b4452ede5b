package io.personastudio.bot.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Run-time configuration of the bot. The token is a secret: {@link #toString()} masks it, and
 * nothing else in this module prints it. This module reads no configuration itself: the server
 * builds the settings from {@code persona.telegram.*} (env {@code PERSONA_TELEGRAM_*}, see
 * docs/BOT.md).
 */
public record BotSettings(
    String token,
    URI apiBase,
    int pollTimeoutSeconds,
    Duration httpTimeout,
    Duration globalInterval,
    Duration perChatInterval,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffMax,
    int handlerThreads,
    Duration watchdogInterval,
    Duration typingDelay,
    Duration outboxLease) {

  public BotSettings {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(apiBase, "apiBase");
  }

  /**
   * "typing..." only for a reply that is not ready by then: a quick answer needs no hint, and the
   * extra Bot API call cost about as much as the reply's own send.
   */
  public static final Duration TYPING_DELAY = Duration.ofMillis(300);

  /**
   * How long a recorded reply stays with the node that recorded it (renewed every third of it)
   * before another node, looking every tenth of it, sends it: about the longest a reply of a node
   * that died waits, and far longer than any pause a live node should have (a node paused longer
   * than its lease has its replies sent twice).
   */
  public static final Duration OUTBOX_LEASE = Duration.ofSeconds(10);

  /**
   * Production defaults: under Telegram's 30 messages/s and 1/s per chat. Overall 25/s, not 28:
   * sends run concurrently and reach Telegram with jitter, and at 35 ms a loaded machine bunched 31
   * into one second (a 429 in {@code TelegramGatewayTest}).
   */
  public static BotSettings defaults(String token, URI apiBase) {
    return new BotSettings(
        token,
        apiBase,
        25,
        Duration.ofSeconds(10),
        Duration.ofMillis(40),
        Duration.ofMillis(1050),
        8,
        Duration.ofMillis(250),
        Duration.ofSeconds(30),
        8,
        Duration.ofSeconds(5),
        TYPING_DELAY,
        OUTBOX_LEASE);
  }

  public BotSettings withLimits(Duration global, Duration perChat) {
    return with(
        b -> {
          b.globalInterval = global;
          b.perChatInterval = perChat;
        });
  }

  public BotSettings withPolling(int pollSeconds, Duration watchdog) {
    return with(
        b -> {
          b.pollTimeoutSeconds = pollSeconds;
          b.watchdogInterval = watchdog;
        });
  }

  public BotSettings withRetries(int attempts, Duration base, Duration max, Duration timeout) {
    return with(
        b -> {
          b.maxAttempts = attempts;
          b.backoffBase = base;
          b.backoffMax = max;
          b.httpTimeout = timeout;
        });
  }

  /** How long a reply may take before "typing..." is shown (zero: at once). */
  public BotSettings withTypingDelay(Duration delay) {
    return with(b -> b.typingDelay = delay);
  }

  /** How long a node's recorded replies are left to it before another node sends them. */
  public BotSettings withOutboxLease(Duration lease) {
    return with(b -> b.outboxLease = lease);
  }

  private BotSettings with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.settings();
  }

  /** The settings' values, changeable one by one; the token never changes. */
  private static final class Copy {
    private final String token;
    private final URI apiBase;
    int pollTimeoutSeconds;
    Duration httpTimeout;
    Duration globalInterval;
    Duration perChatInterval;
    int maxAttempts;
    Duration backoffBase;
    Duration backoffMax;
    private final int handlerThreads;
    Duration watchdogInterval;
    Duration typingDelay;
    Duration outboxLease;

    Copy(BotSettings s) {
      token = s.token;
      apiBase = s.apiBase;
      pollTimeoutSeconds = s.pollTimeoutSeconds;
      httpTimeout = s.httpTimeout;
      globalInterval = s.globalInterval;
      perChatInterval = s.perChatInterval;
      maxAttempts = s.maxAttempts;
      backoffBase = s.backoffBase;
      backoffMax = s.backoffMax;
      handlerThreads = s.handlerThreads;
      watchdogInterval = s.watchdogInterval;
      typingDelay = s.typingDelay;
      outboxLease = s.outboxLease;
    }

    BotSettings settings() {
      return new BotSettings(
          token,
          apiBase,
          pollTimeoutSeconds,
          httpTimeout,
          globalInterval,
          perChatInterval,
          maxAttempts,
          backoffBase,
          backoffMax,
          handlerThreads,
          watchdogInterval,
          typingDelay,
          outboxLease);
    }
  }

  @Override
  public String toString() {
    return "BotSettings[token="
        + TokenMask.masked(token)
        + ", apiBase="
        + apiBase
        + ", pollTimeoutSeconds="
        + pollTimeoutSeconds
        + ", httpTimeout="
        + httpTimeout
        + ", globalInterval="
        + globalInterval
        + ", perChatInterval="
        + perChatInterval
        + ", outboxLease="
        + outboxLease
        + "]";
  }
}
