package io.personastudio.interfaces.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A flood of refused tokens costs a few single lines a minute, with the count of the rest. */
class RefusedTokenLogTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final List<LogRecord> written = new ArrayList<>();
  private final Logger payara = Logger.getLogger("test.payara.jwt." + System.nanoTime());
  private final Logger out = Logger.getLogger("test.refused." + System.nanoTime());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          written.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void install() {
    for (Logger logger : List.of(payara, out)) {
      logger.setUseParentHandlers(false);
      logger.addHandler(capture);
    }
    payara.setFilter(new RefusedTokenLog.OneLine(null, new LogRateLimit(5, 60_000, now::get), out));
  }

  @AfterEach
  void remove() {
    payara.removeHandler(capture);
    out.removeHandler(capture);
  }

  private static Exception refusal() {
    return new IllegalStateException(
        "wrapped", new IllegalArgumentException("Signed JWT rejected:\nInvalid signature"));
  }

  @Test
  void aRefusedTokenIsOneLineWithoutStackTrace() {
    payara.log(Level.INFO, "Exception trying to parse JWT token.", refusal());

    assertThat(written).hasSize(1);
    assertThat(written.get(0).getThrown()).isNull();
    assertThat(written.get(0).getLevel()).isEqualTo(Level.INFO);
    assertThat(written.get(0).getMessage())
        .isEqualTo(
            "Refused a bearer token: IllegalArgumentException: Signed JWT rejected: Invalid"
                + " signature")
        .doesNotContain("\n");
  }

  @Test
  void aFloodIsLimitedAndTheNextLineCountsWhatWasLeftOut() {
    for (int i = 0; i < 1000; i++) {
      payara.log(Level.INFO, "Exception trying to parse JWT token.", refusal());
    }
    assertThat(written).hasSize(5);

    now.addAndGet(60_000);
    payara.log(Level.INFO, "Exception trying to parse JWT token.", refusal());

    assertThat(written).hasSize(6);
    assertThat(written.get(5).getMessage()).endsWith("(995 more refused since the last line)");
  }

  @Test
  void warningsAndRecordsWithoutAnExceptionPassUnchanged() {
    Exception broken = new IllegalStateException("key store unreadable");
    payara.log(Level.WARNING, "Could not load the key", broken);
    payara.info("plain information");

    assertThat(written)
        .extracting(LogRecord::getMessage)
        .containsExactly("Could not load the key", "plain information");
    assertThat(written.get(0).getThrown()).isSameAs(broken);
  }

  @Test
  void aLongReasonIsCutShort() {
    String reason = RefusedTokenLog.OneLine.reason(new RuntimeException("x".repeat(5000)));

    assertThat(reason).hasSizeLessThan(210);
  }
}
