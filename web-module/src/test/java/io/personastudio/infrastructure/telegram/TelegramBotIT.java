package io.personastudio.infrastructure.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.personastudio.application.account.AccountService;
import io.personastudio.application.account.Registration;
import io.personastudio.application.persona.NewPersona;
import io.personastudio.application.persona.PersonaService;
import io.personastudio.application.persona.PersonaView;
import io.personastudio.application.token.AccessTokenService;
import io.personastudio.application.token.CreatedToken;
import io.personastudio.application.training.TrainingRuns;
import io.personastudio.bot.fake.FakeTelegramServer;
import io.personastudio.bot.port.ConversationMemory;
import io.personastudio.bot.port.Turn;
import io.personastudio.bot.telegram.BotSettings;
import io.personastudio.testing.ShippedWar;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bot inside the shipped WAR, talking to the fake Telegram Bot API (started in the server's JVM
 * on 127.0.0.1) with a persona trained on the node. The server is started without a bot token, so
 * the test starts the bot itself with {@link ManagedTelegramBot#start}.
 */
@ExtendWith(ArquillianExtension.class)
class TelegramBotIT {

  private static final String BOT_TOKEN = "123456:FAKE-IT";
  private static final long USER = 7001;

  @Deployment
  static WebArchive deployment() {
    return ShippedWar.withTest(TelegramBotIT.class);
  }

  @Inject ManagedTelegramBot bot;
  @Inject AccountService accounts;
  @Inject PersonaService personas;
  @Inject TrainingRuns runs;
  @Inject AccessTokenService tokens;
  @Inject ConversationMemory memory;

  @Resource(lookup = "jdbc/persona")
  DataSource db;

  private FakeTelegramServer telegram;

  @BeforeEach
  void startBotAgainstTheFake() throws Exception {
    // Update ids of a fresh fake start at 1 again: forget what an earlier fake delivered.
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM telegram_update");
      s.executeUpdate("DELETE FROM telegram_binding");
      s.executeUpdate("UPDATE telegram_poll_offset SET next_offset=0");
    }
    telegram = FakeTelegramServer.start(0, BOT_TOKEN);
    bot.start(
        BotSettings.defaults(BOT_TOKEN, telegram.baseUri())
            .withPolling(1, Duration.ofSeconds(1))
            .withLimits(Duration.ofMillis(5), Duration.ofMillis(20)),
        TelegramMode.POLLING,
        null);
  }

  @AfterEach
  void stopBot() {
    bot.stop();
    telegram.close();
  }

  @Test
  void aDeepLinkBindsTheChatThePersonaAnswersOnceAndARevokedTokenStopsIt() throws Exception {
    UUID owner = newOwner();
    PersonaView persona = readyPersona(owner);
    CreatedToken token = tokens.create(owner, persona.id(), "phone", null);
    long chat = 5001;

    await().atMost(Duration.ofSeconds(30)).until(bot::polling);
    telegram.userSays(chat, USER, "en", "/start " + token.token());
    awaitTexts(chat, 1);
    assertThat(telegram.textsTo(chat).get(0)).contains("Connected to Ana").contains("AI imitation");

    long asked = telegram.userSays(chat, USER, "en", "what about the weather?");
    awaitTexts(chat, 2);
    assertThat(telegram.textsTo(chat).get(1)).contains("marmalade");

    telegram.redeliver(asked);
    telegram.userSays(chat, USER, "en", "coffee or tea?");
    awaitTexts(chat, 3);
    Thread.sleep(500);
    assertThat(telegram.textsTo(chat)).as("the redelivered update is not answered").hasSize(3);
    assertThat(count("SELECT count(*) FROM telegram_update WHERE update_id=" + asked)).isOne();
    assertThat(count("SELECT count(*) FROM telegram_turn WHERE chat_id=" + chat)).isEqualTo(4);
    assertThat(count("SELECT next_offset FROM telegram_poll_offset")).isGreaterThan(asked);
    assertThat(turnsContainInClear(chat, "weather")).as("turns are stored encrypted").isFalse();

    tokens.revoke(owner, token.id());
    telegram.userSays(chat, USER, "en", "are you there?");
    awaitTexts(chat, 4);
    assertThat(telegram.textsTo(chat).get(3)).contains("revoked");
    telegram.userSays(chat, USER, "en", "hello?");
    awaitTexts(chat, 5);
    assertThat(telegram.textsTo(chat).get(4)).contains("No persona is connected");
  }

  @Test
  void stoppingTheBotReleasesThePollingLockAndAStartTakesItAgain() {
    await().atMost(Duration.ofSeconds(30)).until(bot::polling);

    bot.stop();
    assertThat(bot.polling()).isFalse();
    bot.start(
        BotSettings.defaults(BOT_TOKEN, telegram.baseUri()).withPolling(1, Duration.ofSeconds(1)),
        TelegramMode.POLLING,
        null);

    await().atMost(Duration.ofSeconds(10)).until(bot::polling);
    telegram.userSays(5002, USER, "en", "/start");
    awaitTexts(5002, 1);
    assertThat(telegram.textsTo(5002).get(0)).contains("access token");
  }

  @Test
  void theLeaderHoldsTheClusterWideLockAndGivesItUpWhenStopped() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(bot::polling);
    LeaderLock standby =
        HazelcastLeaderLock.lookup("persona-telegram", "poller")
            .orElseThrow(() -> new AssertionError("no Hazelcast lock on the node"));

    assertThat(standby.tryAcquire(Duration.ofMillis(300)))
        .as("taken while the bot polls")
        .isFalse();

    bot.stop();
    try {
      assertThat(standby.tryAcquire(Duration.ofSeconds(5))).as("free after stop").isTrue();
    } finally {
      standby.release();
    }
  }

  @Test
  void aWebhookUpdateNeedsTheSecretAndIsHandledOnce() {
    String update0 = "{\"update_id\": 900000}";
    await().atMost(Duration.ofSeconds(30)).until(bot::polling);
    assertThat(bot.process(update0, "s3cret"))
        .as("no webhook while polling")
        .isEqualTo(WebhookOutcome.DISABLED);
    bot.start(
        BotSettings.defaults(BOT_TOKEN, telegram.baseUri()),
        TelegramMode.WEBHOOK,
        new TelegramWebhook(URI.create("https://bot.example.org/api/telegram/webhook"), "s3cret"));
    await().atMost(Duration.ofSeconds(30)).until(bot::webhookRegistered);
    assertThat(telegram.webhookUrl()).contains("https://bot.example.org/api/telegram/webhook");
    String update =
        "{\"update_id\": 900001, \"message\": {\"message_id\": 1, \"date\": 1700000000,"
            + " \"chat\": {\"id\": 5003, \"type\": \"private\"}, \"from\": {\"id\": 7001,"
            + " \"is_bot\": false, \"first_name\": \"U\", \"language_code\": \"en\"},"
            + " \"text\": \"/start\", \"entities\": [{\"type\": \"bot_command\", \"offset\": 0,"
            + " \"length\": 6}]}}";

    assertThat(bot.process(update, "wrong")).isEqualTo(WebhookOutcome.FORBIDDEN);
    assertThat(bot.process(update, null)).isEqualTo(WebhookOutcome.FORBIDDEN);
    assertThat(bot.process("{not json", "s3cret")).isEqualTo(WebhookOutcome.MALFORMED);
    assertThat(bot.process(update, "s3cret")).isEqualTo(WebhookOutcome.ACCEPTED);
    assertThat(bot.process(update, "s3cret")).isEqualTo(WebhookOutcome.ACCEPTED);

    awaitTexts(5003, 1);
    assertThat(telegram.textsTo(5003).get(0)).contains("access token");
    await().during(Duration.ofMillis(700)).until(() -> telegram.textsTo(5003).size() == 1);
    assertThat(bot.polling()).isFalse();
  }

  @Test
  void theConversationKeepsItsLast40TurnsInOrder() throws Exception {
    UUID persona = UUID.randomUUID();
    try (Connection c = db.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO persona (id, owner_id, name, person, status, created_at)"
                    + " VALUES (?, ?, 'Kit', 'Kit', 'FAILED', now())")) {
      insert.setObject(1, persona);
      insert.setObject(2, newOwner());
      insert.executeUpdate();
    }
    long chat = 5009;

    for (int i = 0; i < 25; i++) {
      memory.append(chat, persona.toString(), List.of(Turn.user("u" + i), Turn.persona("p" + i)));
    }

    List<String> expected = new ArrayList<>();
    for (int i = 5; i < 25; i++) {
      expected.add("u" + i);
      expected.add("p" + i);
    }
    assertThat(memory.recent(chat, persona.toString(), 100))
        .extracting(Turn::text)
        .containsExactlyElementsOf(expected);
    assertThat(count("SELECT count(*) FROM telegram_turn WHERE chat_id=" + chat)).isEqualTo(40);
  }

  private void awaitTexts(long chat, int count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> telegram.textsTo(chat).size() >= count);
  }

  private PersonaView readyPersona(UUID owner) throws Exception {
    Path upload = Files.createTempFile("upload-", ".txt");
    Files.writeString(upload, chat(new Random(5), 200), StandardCharsets.UTF_8);
    PersonaView persona =
        personas.create(owner, new NewPersona("Ana", "Ana", false, true), upload, "c.txt");
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> runs.view(persona.trainingRun()).orElseThrow().status().equals("COMPLETED"));
    return persona;
  }

  private UUID newOwner() {
    return accounts
        .register(
            new Registration("bot-" + UUID.randomUUID() + "@example.org", "O", "plum-Tree-77"))
        .id();
  }

  private long count(String sql) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement q = c.prepareStatement(sql);
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private boolean turnsContainInClear(long chat, String plain) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT count(*) FROM telegram_turn WHERE chat_id=?"
                    + " AND position(convert_to(?, 'UTF8') in text_cipher) > 0")) {
      q.setLong(1, chat);
      q.setString(2, plain);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  private static final DateTimeFormatter WHATSAPP_US = DateTimeFormatter.ofPattern("M/d/yy, HH:mm");

  /** A WhatsApp (Android) export of Ana and Ben talking; Ana's lines mention marmalade. */
  private static String chat(Random random, int messages) {
    List<String> words =
        List.of("coffee", "train", "weather", "rain", "movie", "book", "tea", "walk", "cake");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < messages; i++) {
      String who = i % 2 == 0 ? "Ben" : "Ana";
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 3 + random.nextInt(6); w++) {
        text.append(words.get(random.nextInt(words.size()))).append(' ');
      }
      text.append(who.equals("Ana") ? "marmalade!" : "?");
      LocalDateTime at = LocalDateTime.of(2024, 1, 1, 9, 0).plusMinutes(i);
      out.append(String.format("%s - %s: %s%n", at.format(WHATSAPP_US), who, text));
    }
    return out.toString();
  }
}
