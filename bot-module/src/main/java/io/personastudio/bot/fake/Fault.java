package io.personastudio.bot.fake;

import java.time.Duration;

/** A planned misbehaviour of the fake server for the next calls of one method. */
public record Fault(int status, int retryAfterSeconds, Duration delay) {

  public static Fault tooManyRequests(int retryAfterSeconds) {
    return new Fault(429, retryAfterSeconds, Duration.ZERO);
  }

  public static Fault serverError(int status) {
    return new Fault(status, 0, Duration.ZERO);
  }

  public static Fault slow(Duration delay) {
    return new Fault(200, 0, delay);
  }
}
