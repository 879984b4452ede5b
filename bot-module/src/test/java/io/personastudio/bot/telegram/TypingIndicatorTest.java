package io.personastudio.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.personastudio.bot.support.BotHarness;
import io.personastudio.bot.support.ScriptedReplies;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "typing..." is shown while a slow reply is computed, and skipped for a reply ready at once. */
class TypingIndicatorTest {

  private static final long CHAT = 3003;
  private BotHarness harness;

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  private void connect() {
    String token = harness.directory.issue("TypingToken0123456789abcXY", "anna", "Anna");
    harness.telegram.userSays(CHAT, CHAT, "en", "/start " + token);
    awaitTexts(1);
  }

  private void awaitTexts(int count) {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> harness.telegram.textsTo(CHAT).size() >= count);
  }

  @Test
  void aReplyReadyBeforeTheDelaySendsNoTypingAction() throws Exception {
    harness = BotHarness.start(new ScriptedReplies());
    harness.stopBot();
    harness.startBot(
        BotHarness.fastSettings(harness.telegram).withTypingDelay(Duration.ofSeconds(30)));
    connect();

    harness.telegram.userSays(CHAT, CHAT, "en", "hello");
    awaitTexts(2);

    assertThat(harness.telegram.textsTo(CHAT).get(1)).isEqualTo("anna: hello (context 0)");
    harness.stopBot(); // a cancelled hint must not fire later either
    assertThat(harness.telegram.chatActions()).doesNotContain(CHAT);
  }

  @Test
  void aSlowReplyShowsTypingBeforeItArrives() throws Exception {
    CountDownLatch typingSeen = new CountDownLatch(1);
    harness =
        BotHarness.start(
            new ScriptedReplies(
                request -> {
                  try {
                    // the reply is only ready once the user has seen "typing..."
                    typingSeen.await(15, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return "thought about it";
                }));
    harness.stopBot();
    harness.startBot(
        BotHarness.fastSettings(harness.telegram).withTypingDelay(Duration.ofMillis(50)));
    connect();

    harness.telegram.userSays(CHAT, CHAT, "en", "hello");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> harness.telegram.chatActions().contains(CHAT));
    assertThat(harness.telegram.textsTo(CHAT)).hasSize(1); // typing came first
    typingSeen.countDown();

    awaitTexts(2);
    assertThat(harness.telegram.textsTo(CHAT).get(1)).isEqualTo("thought about it");
  }
}
