package io.personastudio.bot.telegram;

import static io.personastudio.bot.support.BotHarness.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.personastudio.bot.port.ReplyRequest;
import io.personastudio.bot.support.BotHarness;
import io.personastudio.bot.support.ScriptedReplies;
import io.personastudio.bot.telegram.UpdatePoller.Dispatched;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The polling offset never passes an update that is still being handled: when the watchdog cuts the
 * poller's wait short (a reply slower than the watchdog's patience), a crash right then must replay
 * the update, not lose it.
 */
class OffsetConfirmationTest {

  private static final long CHAT = 7;
  private final CountDownLatch release = new CountDownLatch(1);
  private ScriptedReplies replies;
  private BotHarness harness;

  @BeforeEach
  void start() throws Exception {
    replies = new ScriptedReplies(this::script);
    // HTTP timeout 0.5 s, 1 s polls: the watchdog calls a poller stale after 2 s without a beat
    harness =
        BotHarness.start(
            replies,
            s ->
                s.withRetries(
                        6, Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofMillis(500))
                    .withPolling(1, Duration.ofMillis(100)));
  }

  @AfterEach
  void stop() {
    release.countDown();
    harness.close();
  }

  private String script(ReplyRequest request) {
    if (request.message().equals("slow")) {
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "slow done";
    }
    return request.personaId() + ": " + request.message();
  }

  private long slowRequests() {
    return replies.requests().stream().filter(r -> r.message().equals("slow")).count();
  }

  @Test
  void keepsTheOffsetBelowAnUpdateInFlightWhenThePollersWaitIsCutShort() {
    String token = harness.directory.issue("OffsetToken0123456789abcXYZ", "anna", "Anna");
    harness.telegram.userSays(CHAT, 500, "en", "/start " + token);
    eventually().until(() -> harness.telegram.textsTo(CHAT).size() == 1);

    long slow = harness.telegram.userSays(CHAT, 500, "en", "slow");
    eventually().until(() -> slowRequests() == 1);
    eventually().until(() -> harness.bot().pollerRestarts() >= 1);

    // the interrupted poller confirms right away; from then on the offset must stay put
    await("the offset stays at or below the update in flight")
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> harness.ledger.nextOffset() <= slow);

    release.countDown();
    eventually().until(() -> harness.ledger.nextOffset() > slow);
    eventually().until(() -> harness.telegram.textsTo(CHAT).size() >= 2);
    assertThat(harness.telegram.textsTo(CHAT)).hasSize(2).endsWith("slow done");
    // each restarted poller fetched the unconfirmed update again; the ledger let it through once
    assertThat(slowRequests()).isEqualTo(1);
  }

  @Test
  void confirmsBelowTheOldestUnhandledUpdateOfABatch() {
    CompletableFuture<Void> handled = CompletableFuture.completedFuture(null);
    CompletableFuture<Void> inFlight = new CompletableFuture<>();
    CompletableFuture<Void> dropped =
        CompletableFuture.failedFuture(new IllegalStateException("stripes closed"));

    assertThat(
            UpdatePoller.confirmable(
                List.of(new Dispatched(10, handled), new Dispatched(11, handled))))
        .isEqualTo(12);
    assertThat(
            UpdatePoller.confirmable(
                List.of(
                    new Dispatched(10, handled),
                    new Dispatched(11, inFlight),
                    new Dispatched(12, handled))))
        .isEqualTo(11);
    assertThat(
            UpdatePoller.confirmable(
                List.of(
                    new Dispatched(10, handled),
                    new Dispatched(12, inFlight),
                    new Dispatched(11, dropped))))
        .isEqualTo(11);
  }
}
