package io.personastudio.interfaces.web.security;

import java.util.function.LongSupplier;

/**
 * At most {@code lines} log lines per window; the others are counted, and the next line let through
 * says how many were left out, so a flood costs a few lines a minute and still shows its size.
 */
final class LogRateLimit {

  private final int lines;
  private final long windowMillis;
  private final LongSupplier clock;
  private long windowStart;
  private int used;
  private long suppressed;

  LogRateLimit(int lines, long windowMillis, LongSupplier clock) {
    this.lines = lines;
    this.windowMillis = windowMillis;
    this.clock = clock;
    this.windowStart = clock.getAsLong();
  }

  /**
   * Whether a line may be written now: -1 if not (it is counted), else how many were left out since
   * the last line written.
   */
  synchronized long acquire() {
    long now = clock.getAsLong();
    if (now - windowStart >= windowMillis) {
      windowStart = now;
      used = 0;
    }
    if (used >= lines) {
      suppressed++;
      return -1;
    }
    used++;
    long left = suppressed;
    suppressed = 0;
    return left;
  }
}
