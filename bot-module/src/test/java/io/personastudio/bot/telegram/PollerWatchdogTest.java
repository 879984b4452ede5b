package io.personastudio.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.bot.support.BotHarness;
import io.personastudio.bot.support.ScriptedReplies;
import java.time.Duration;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A poller thread killed by an {@link Error} (the loop contains exceptions, not errors) is
 * restarted by the watchdog, and the chat goes on: no update is lost to the dead thread.
 */
class PollerWatchdogTest {

  private static final long CHAT = 11;
  private BotHarness harness;

  @BeforeEach
  void start() throws Exception {
    // HTTP timeout 30 s: a poller is stale only after 61 s without a beat, so within this test
    // only the watchdog's check for a dead thread can bring polling back
    harness =
        BotHarness.start(
            new ScriptedReplies(),
            s ->
                s.withRetries(
                        6, Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(30))
                    .withPolling(1, Duration.ofMillis(100)));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private static ConditionFactory eventually() {
    // the poller's death is the point: Awaitility must not report it as this test's failure
    return BotHarness.eventually().dontCatchUncaughtExceptions();
  }

  @Test
  void restartsAPollerKilledByAnErrorAndTheChatGoesOn() {
    String token = harness.directory.issue("WatchdogToken0123456789abcXYZ", "anna", "Anna");
    harness.telegram.userSays(CHAT, 600, "en", "/start " + token);
    eventually().until(() -> harness.telegram.textsTo(CHAT).size() == 1);
    assertThat(harness.bot().pollerRestarts()).isZero();

    harness.ledger.failNextOffsetOnce(new LinkageError("simulated: a class failed to load"));
    eventually().until(harness.ledger::failureThrown);
    harness.telegram.userSays(CHAT, 600, "en", "are you still there?");

    eventually().until(() -> harness.bot().pollerRestarts() >= 1);
    eventually().until(() -> harness.telegram.textsTo(CHAT).size() == 2);
    assertThat(harness.telegram.textsTo(CHAT).get(1)).contains("are you still there?");
    assertThat(harness.bot().pollerRestarts()).as("one death, one restart").isEqualTo(1);
  }
}
