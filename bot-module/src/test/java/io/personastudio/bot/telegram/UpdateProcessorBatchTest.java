package io.personastudio.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.personastudio.bot.conversation.ConversationSettings;
import io.personastudio.bot.conversation.Language;
import io.personastudio.bot.conversation.Texts;
import io.personastudio.bot.fake.FakeTelegramServer;
import io.personastudio.bot.support.BotHarness;
import io.personastudio.bot.support.InMemoryBindings;
import io.personastudio.bot.support.InMemoryDirectory;
import io.personastudio.bot.support.InMemoryLedger;
import io.personastudio.bot.support.InMemoryMemory;
import io.personastudio.bot.support.InMemoryOutbox;
import io.personastudio.bot.support.InMemoryTransactions;
import io.personastudio.bot.support.ScriptedReplies;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Several updates of one stripe in one transaction, and what happens when that transaction fails.
 */
class UpdateProcessorBatchTest {

  private static final long ANNA_CHAT = 7001;
  private static final long BORIS_CHAT = 7002;
  private static final String APOLOGY = Texts.of(Language.EN).get("apology");

  private final ObjectMapper json = new ObjectMapper();
  private final InMemoryDirectory directory = new InMemoryDirectory();
  private final InMemoryLedger ledger = new InMemoryLedger();
  private final InMemoryMemory memory = new InMemoryMemory();
  private final InMemoryTransactions transactions = new InMemoryTransactions();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final ScriptedReplies replies = new ScriptedReplies();
  private FakeTelegramServer telegram;
  private TelegramBot bot;
  private long nextUpdateId = 1;

  @BeforeEach
  void start() throws Exception {
    telegram = FakeTelegramServer.start(0, BotHarness.TOKEN);
    BotPorts ports =
        new BotPorts(
            directory, new InMemoryBindings(), memory, replies, ledger, outbox, transactions);
    bot =
        new TelegramBot(
            BotHarness.fastSettings(telegram).withTypingDelay(Duration.ofMinutes(1)),
            ports,
            ConversationSettings.defaults(),
            Clock.systemUTC(),
            BotHarness.threads());
    bind(ANNA_CHAT, directory.issue("AnnaToken0123456789abcXYZ", "anna", "Anna"));
    bind(BORIS_CHAT, directory.issue("BorisToken0123456789abcXYZ", "boris", "Boris"));
  }

  @AfterEach
  void stop() {
    bot.close();
    telegram.close();
  }

  @Test
  void commitsABatchOnceAndAnswersEveryUpdateInOrder() {
    int commitsBefore = transactions.commits();

    bot.processor()
        .processAll(
            List.of(says(ANNA_CHAT, "one"), says(BORIS_CHAT, "hi"), says(ANNA_CHAT, "two")));

    assertThat(transactions.commits()).isEqualTo(commitsBefore + 1);
    awaitTexts(ANNA_CHAT, 3);
    awaitTexts(BORIS_CHAT, 2);
    assertThat(telegram.textsTo(ANNA_CHAT).subList(1, 3))
        .containsExactly("anna: one (context 0)", "anna: two (context 2)");
    assertThat(telegram.textsTo(BORIS_CHAT).get(1)).isEqualTo("boris: hi (context 0)");
  }

  @Test
  void aFailingUpdateGetsItsApologyAndTheOthersInItsBatchTheirReplies() {
    Update boom = says(ANNA_CHAT, "boom");
    bot.processor()
        .processAll(
            List.of(says(ANNA_CHAT, "one"), says(BORIS_CHAT, "hi"), boom, says(ANNA_CHAT, "two")));

    awaitTexts(ANNA_CHAT, 4);
    awaitTexts(BORIS_CHAT, 2);
    assertThat(telegram.textsTo(ANNA_CHAT).subList(1, 4))
        .containsExactly("anna: one (context 0)", APOLOGY, "anna: two (context 2)");
    assertThat(telegram.textsTo(BORIS_CHAT).get(1)).isEqualTo("boris: hi (context 0)");
    assertThat(ledger.firstSeen(boom.getUpdateId()))
        .as("the failed one is marked handled")
        .isFalse();
    BotHarness.eventually()
        .alias("replies and the apology are removed from the outbox once sent")
        .until(() -> outbox.waiting().isEmpty());
  }

  @Test
  void aRolledBackBatchSaysNothingAndLeavesNoTrace() throws Exception {
    int rollbacksBefore = transactions.rollbacks();

    bot.processor().processAll(List.of(says(ANNA_CHAT, "one"), says(ANNA_CHAT, "boom")));

    awaitTexts(ANNA_CHAT, 3);
    Thread.sleep(300); // nothing more may follow
    // the batch's own reply to "one" was never sent: "one" is answered once, by its retry
    assertThat(telegram.textsTo(ANNA_CHAT).subList(1, 3))
        .containsExactly("anna: one (context 0)", APOLOGY);
    assertThat(transactions.rollbacks()).isEqualTo(rollbacksBefore + 2); // the batch, then "boom"
    // the batch's turns were rolled back: "one" is remembered once, not twice
    assertThat(memory.recent(ANNA_CHAT, "anna", 12)).hasSize(2);
  }

  @Test
  void ignoresAnUpdateRedeliveredInALaterBatch() {
    Update hello = says(ANNA_CHAT, "hello");
    bot.processor().processAll(List.of(hello));
    awaitTexts(ANNA_CHAT, 2);

    bot.processor().processAll(List.of(hello, says(ANNA_CHAT, "next")));

    awaitTexts(ANNA_CHAT, 3);
    assertThat(telegram.textsTo(ANNA_CHAT).subList(1, 3))
        .containsExactly("anna: hello (context 0)", "anna: next (context 2)");
    assertThat(replies.requests()).hasSize(2);
  }

  private void bind(long chat, String token) {
    bot.processor().process(says(chat, "/start " + token));
    awaitTexts(chat, 1);
  }

  private Update says(long chat, String text) {
    Map<String, Object> user =
        Map.of("id", chat, "is_bot", false, "first_name", "U", "language_code", "en");
    Map<String, Object> message =
        Map.of(
            "message_id",
            nextUpdateId,
            "date",
            1_700_000_000,
            "chat",
            Map.of("id", chat, "type", "private"),
            "from",
            user,
            "text",
            text);
    return json.convertValue(Map.of("update_id", nextUpdateId++, "message", message), Update.class);
  }

  private void awaitTexts(long chat, int count) {
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> telegram.textsTo(chat).size() >= count);
  }
}
