package io.personastudio.interfaces.web.security;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * MP-JWT (Payara) logs every refused bearer token at INFO with a full stack trace, so anonymous
 * traffic could flood the log. While the application runs, those records become one line each,
 * rate-limited ({@link #LINES_PER_MINUTE} a minute, then a count of those left out). Warnings and
 * anything else the logger writes pass unchanged.
 */
@ApplicationScoped
public class RefusedTokenLog {

  /** The logger of Payara's MP-JWT identity store ("Exception trying to parse JWT token."). */
  static final String PAYARA_JWT_LOGGER =
      "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore";

  static final int LINES_PER_MINUTE = 5;

  private static final Logger LOG = Logger.getLogger(RefusedTokenLog.class.getName());

  private final Logger payara =
      Logger.getLogger(PAYARA_JWT_LOGGER); // held: JUL keeps loggers weakly
  private Filter installed;

  void install(@Observes @Initialized(ApplicationScoped.class) Object started) {
    installed =
        new OneLine(
            payara.getFilter(),
            new LogRateLimit(LINES_PER_MINUTE, 60_000, System::currentTimeMillis),
            LOG);
    payara.setFilter(installed);
  }

  @PreDestroy
  void uninstall() {
    if (installed != null && payara.getFilter() == installed) {
      payara.setFilter(((OneLine) installed).previous);
    }
  }

  /** Turns a refused token's stack trace into one line, if the limit allows a line at all. */
  static final class OneLine implements Filter {
    private static final int MAX_REASON = 200;

    final Filter previous;
    private final LogRateLimit limit;
    private final Logger out;

    OneLine(Filter previous, LogRateLimit limit, Logger out) {
      this.previous = previous;
      this.limit = limit;
      this.out = out;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
      if (record.getThrown() == null || record.getLevel().intValue() > Level.INFO.intValue()) {
        return previous == null || previous.isLoggable(record);
      }
      long left = limit.acquire();
      if (left >= 0) {
        out.info(
            "Refused a bearer token: "
                + reason(record.getThrown())
                + (left > 0 ? " (" + left + " more refused since the last line)" : ""));
      }
      return false;
    }

    static String reason(Throwable thrown) {
      Throwable root = thrown;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String message = root.getMessage() == null ? "" : ": " + root.getMessage();
      String line = (root.getClass().getSimpleName() + message).replaceAll("\\p{Cntrl}", " ");
      return line.length() > MAX_REASON ? line.substring(0, MAX_REASON) + "…" : line;
    }
  }
}
