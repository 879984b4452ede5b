package io.personastudio.infrastructure.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.personastudio.bot.fake.FakeTelegramServer;
import io.personastudio.bot.fake.WebhookRegistration;
import io.personastudio.launcher.DatabaseSettings;
import io.personastudio.testing.TestNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhook mode end to end: a whole node configured only through PERSONA_TELEGRAM_* variables
 * registers its webhook with the fake Telegram Bot API at start, never polls, and answers what is
 * POSTed to {@code /api/telegram/webhook} with Telegram's secret header, once per update_id.
 */
class TelegramWebhookIT {

  private static final String TOKEN = "123456:FAKE-WEBHOOK";
  private static final String SECRET = "it-Webhook_secret-42";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static FakeTelegramServer telegram;
  private static DatabaseSettings db;
  private static TestNode node;

  @BeforeAll
  static void startANodeInWebhookMode() throws Exception {
    telegram = FakeTelegramServer.start(0, TOKEN);
    db = TelegramNodes.freshDatabase();
    int http = TestNode.freePort();
    Map<String, String> env = TelegramNodes.botEnvironment(TOKEN, telegram.baseUri(), "webhook");
    env.put("PERSONA_HTTP_PORT", String.valueOf(http));
    env.put("PERSONA_TELEGRAM_WEBHOOK_URL", "http://127.0.0.1:" + http + "/api/telegram/webhook");
    env.put("PERSONA_TELEGRAM_WEBHOOK_SECRET", SECRET);
    node = TelegramNodes.start("tg-webhook", db, env);
    await()
        .atMost(TelegramNodes.BOOT)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> TelegramNodes.ready(node));
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
    if (telegram != null) {
      telegram.close();
    }
  }

  @Test
  void theNodeRegistersItsWebhookWithSecretAndNeverPolls() throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(() -> telegram.webhook().isPresent());
    WebhookRegistration webhook = telegram.webhook().orElseThrow();

    assertThat(webhook.url()).isEqualTo(node.uri("api/telegram/webhook").toString());
    assertThat(webhook.secretToken()).isEqualTo(SECRET);
    assertThat(webhook.allowedUpdates()).contains("message");
    assertThat(telegram.commandMenus()).isNotEmpty();
    Thread.sleep(1500);
    assertThat(telegram.pollNanos()).as("a webhook bot never calls getUpdates").isEmpty();
    assertThat(TelegramNodes.log(node)).doesNotContain(TOKEN);
  }

  @Test
  void aPostedUpdateIsAnsweredOnceEvenWhenTelegramDeliversItAgain() throws Exception {
    String update = update(910001, 6001, "/start");

    assertThat(post(update, SECRET).statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> telegram.textsTo(6001).size() == 1);
    assertThat(telegram.textsTo(6001).get(0)).contains("access token");

    assertThat(post(update, SECRET).statusCode()).as("a redelivery is acknowledged").isEqualTo(200);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> telegram.textsTo(6001).size() == 1);
    assertThat(handledUpdates(910001)).isOne();
  }

  @Test
  void aWrongOrMissingSecretIsForbiddenAndNothingIsHandled() throws Exception {
    String update = update(910002, 6002, "/help");

    HttpResponse<String> wrong = post(update, "not-the-secret");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.body()).contains("FORBIDDEN");
    assertThat(post(update, null).statusCode()).isEqualTo(403);

    Thread.sleep(700);
    assertThat(telegram.textsTo(6002)).isEmpty();
    assertThat(handledUpdates(910002)).isZero();
  }

  @Test
  void aBodyThatIsNotAnUpdateIsABadRequest() throws Exception {
    assertThat(post("{not json", SECRET).statusCode()).isEqualTo(400);
    HttpResponse<String> noId = post("{\"message\": null}", SECRET);
    assertThat(noId.statusCode()).isEqualTo(400);
    assertThat(noId.body()).contains("MALFORMED_UPDATE");
  }

  private static HttpResponse<String> post(String body, String secret) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(node.uri("api/telegram/webhook"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      request.header("X-Telegram-Bot-Api-Secret-Token", secret);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long handledUpdates(long updateId) throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        PreparedStatement q =
            c.prepareStatement("SELECT count(*) FROM telegram_update WHERE update_id=?")) {
      q.setLong(1, updateId);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String update(long updateId, long chat, String text) {
    return "{\"update_id\": "
        + updateId
        + ", \"message\": {\"message_id\": 1, \"date\": 1700000000, \"chat\": {\"id\": "
        + chat
        + ", \"type\": \"private\"}, \"from\": {\"id\": "
        + chat
        + ", \"is_bot\": false, \"first_name\": \"U\", \"language_code\": \"en\"}, \"text\": \""
        + text
        + "\", \"entities\": [{\"type\": \"bot_command\", \"offset\": 0, \"length\": "
        + text.length()
        + "}]}}";
  }
}
