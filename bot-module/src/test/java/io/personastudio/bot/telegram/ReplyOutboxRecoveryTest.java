package io.personastudio.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.bot.fake.Fault;
import io.personastudio.bot.support.BotHarness;
import io.personastudio.bot.support.ScriptedReplies;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reply is recorded with its update, so the window between the commit and Telegram taking the
 * message no longer loses it: a bot that stops inside it leaves the reply to another, which sends
 * it once the lease ran out; a bot that keeps running keeps its replies to itself.
 */
class ReplyOutboxRecoveryTest {

  private static final long CHAT = 21;
  private static final Duration LEASE = Duration.ofMillis(600);
  private BotHarness harness;
  private TelegramBot standby;

  @BeforeEach
  void start() throws Exception {
    harness = BotHarness.start(new ScriptedReplies(), s -> patient(s).withOutboxLease(LEASE));
  }

  /** The chat connects to Anna; the bot's greeting arrives. */
  private void connectAnna() {
    String token = harness.directory.issue("OutboxToken0123456789abcdXYZ", "anna", "Anna");
    harness.telegram.userSays(CHAT, 700, "en", "/start " + token);
    BotHarness.eventually().until(() -> harness.telegram.textsTo(CHAT).size() == 1);
  }

  /**
   * Telegram answers 502 to every send from now on (until cleared); the user writes, and the reply
   * is committed and waits in the outbox.
   */
  private void saysWhileTelegramRefuses(String text) {
    harness.telegram.inject("sendMessage", Fault.serverError(502), 100_000);
    harness.telegram.userSays(CHAT, 700, "en", text);
    BotHarness.eventually().until(() -> harness.outbox.waiting().size() == 1);
  }

  /** Many attempts: a bot must not give a reply up while Telegram answers 502. */
  private static BotSettings patient(BotSettings settings) {
    return settings.withRetries(
        10_000, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(3));
  }

  @AfterEach
  void stop() {
    if (standby != null) {
      standby.close();
    }
    harness.close();
  }

  @Test
  void aReplyCommittedButNotSentWhenItsBotStoppedIsSentByAnotherBot() throws Exception {
    connectAnna();
    BotHarness.eventually().until(() -> harness.outbox.waiting().isEmpty());

    saysWhileTelegramRefuses("are you there?");
    harness.stopBot();
    harness.telegram.clearFaults("sendMessage");
    assertThat(harness.telegram.textsTo(CHAT)).as("not sent by the stopped bot").hasSize(1);

    standby = harness.newBot();
    BotHarness.eventually().until(() -> harness.telegram.textsTo(CHAT).size() == 2);
    assertThat(harness.telegram.textsTo(CHAT).get(1)).contains("are you there?");
    BotHarness.eventually().until(() -> harness.outbox.waiting().isEmpty());
    Thread.sleep(LEASE.multipliedBy(3).toMillis());
    assertThat(harness.telegram.textsTo(CHAT)).as("sent once").hasSize(2);
  }

  @Test
  void aBotThatStartsPollingSendsWhatTheBotBeforeItLeftAtOnceAndFirst() throws Exception {
    // a lease far longer than the test: only the take-over can send the stuck reply
    BotSettings longLease =
        patient(BotHarness.fastSettings(harness.telegram)).withOutboxLease(Duration.ofMinutes(5));
    harness.stopBot();
    harness.startBot(longLease);
    connectAnna();

    saysWhileTelegramRefuses("are you there?");
    harness.stopBot();
    harness.telegram.clearFaults("sendMessage");

    harness.startBot(longLease);
    harness.telegram.userSays(CHAT, 700, "en", "hello again");
    BotHarness.eventually().until(() -> harness.telegram.textsTo(CHAT).size() == 3);
    assertThat(harness.telegram.textsTo(CHAT).subList(1, 3))
        .satisfiesExactly(
            stuck -> assertThat(stuck).contains("are you there?"),
            next -> assertThat(next).contains("hello again"));
    BotHarness.eventually().until(() -> harness.outbox.waiting().isEmpty());
  }

  @Test
  void aReplyTelegramDidNotTakeThroughAllAttemptsIsTriedAgainLaterNotDropped() throws Exception {
    // two attempts per try, tried again 200 ms after a try gave up; Telegram fails six calls
    harness.stopBot();
    harness.startBot(
        BotHarness.fastSettings(harness.telegram)
            .withRetries(2, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(3))
            .withOutboxLease(LEASE));
    connectAnna();

    harness.telegram.inject("sendMessage", Fault.serverError(502), 6);
    harness.telegram.userSays(CHAT, 700, "en", "anyone?");

    BotHarness.eventually().until(() -> harness.telegram.textsTo(CHAT).size() == 2);
    assertThat(harness.telegram.textsTo(CHAT).get(1)).contains("anyone?");
    BotHarness.eventually().until(() -> harness.outbox.waiting().isEmpty());
    Thread.sleep(LEASE.multipliedBy(2).toMillis());
    assertThat(harness.telegram.textsTo(CHAT)).as("sent once").hasSize(2);
  }

  @Test
  void aRunningBotKeepsItsRepliesWhileTelegramKeepsThemWaiting() throws Exception {
    connectAnna();
    standby = harness.newBot();

    saysWhileTelegramRefuses("still there?");
    // four leases: the owner renews every third of one, so the standby finds nothing expired
    Thread.sleep(LEASE.multipliedBy(4).toMillis());
    harness.telegram.clearFaults("sendMessage");

    BotHarness.eventually().until(() -> harness.telegram.textsTo(CHAT).size() == 2);
    BotHarness.eventually().until(() -> harness.outbox.waiting().isEmpty());
    Thread.sleep(LEASE.multipliedBy(2).toMillis());
    assertThat(harness.telegram.textsTo(CHAT)).as("sent once, by its own bot").hasSize(2);
  }
}
