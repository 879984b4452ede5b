package io.personastudio.bot.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

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
    Duration typingDelay) {

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
        TYPING_DELAY);
  }

  public BotSettings withLimits(Duration global, Duration perChat) {
    return new BotSettings(
        token,
        apiBase,
        pollTimeoutSeconds,
        httpTimeout,
        global,
        perChat,
        maxAttempts,
        backoffBase,
        backoffMax,
        handlerThreads,
        watchdogInterval,
        typingDelay);
  }

  public BotSettings withPolling(int pollSeconds, Duration watchdog) {
    return new BotSettings(
        token,
        apiBase,
        pollSeconds,
        httpTimeout,
        globalInterval,
        perChatInterval,
        maxAttempts,
        backoffBase,
        backoffMax,
        handlerThreads,
        watchdog,
        typingDelay);
  }

  public BotSettings withRetries(int attempts, Duration base, Duration max, Duration timeout) {
    return new BotSettings(
        token,
        apiBase,
        pollTimeoutSeconds,
        timeout,
        globalInterval,
        perChatInterval,
        attempts,
        base,
        max,
        handlerThreads,
        watchdogInterval,
        typingDelay);
  }

  /** How long a reply may take before "typing..." is shown (zero: at once). */
  public BotSettings withTypingDelay(Duration delay) {
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
        delay);
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
        + "]";
  }
}
