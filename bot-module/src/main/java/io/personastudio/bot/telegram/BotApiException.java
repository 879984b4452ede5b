package io.personastudio.bot.telegram;

import java.time.Duration;

/**
 * A failed Bot API call: Telegram answered with an error code, or no usable answer came (I/O error,
 * timeout, unreadable body). Its message never holds the bot token; the library's exception is kept
 * only as a suppressed detail for the same reason.
 */
public final class BotApiException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Error code when no answer came at all. */
  public static final int NO_ANSWER = -1;

  private final int errorCode;
  private final int retryAfterSeconds;

  private BotApiException(String message, int errorCode, int retryAfterSeconds) {
    super(message);
    this.errorCode = errorCode;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static BotApiException answered(int code, int retryAfter, String message, Throwable cause) {
    BotApiException e = new BotApiException(message, code, retryAfter);
    e.addSuppressed(new Exception(cause.getClass().getName()));
    return e;
  }

  static BotApiException transientFailure(String message, Throwable cause) {
    BotApiException e = new BotApiException(message, NO_ANSWER, 0);
    e.addSuppressed(new Exception(cause.getClass().getName()));
    return e;
  }

  public int errorCode() {
    return errorCode;
  }

  public boolean isTooManyRequests() {
    return errorCode == 429;
  }

  /** Telegram's {@code retry_after}, at least one second when it asked to slow down. */
  public Duration retryAfter() {
    return Duration.ofSeconds(Math.max(1, retryAfterSeconds));
  }

  /** Worth trying again: no answer, a server error, or 429. */
  public boolean isRetryable() {
    return errorCode == NO_ANSWER || errorCode >= 500 || errorCode == 429;
  }

  public boolean isConflict() {
    return errorCode == 409;
  }
}
