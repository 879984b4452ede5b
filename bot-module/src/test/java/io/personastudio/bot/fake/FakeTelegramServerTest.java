package io.personastudio.bot.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's long polling behaves like Telegram's when a second poller comes. */
class FakeTelegramServerTest {

  private static final String TOKEN = "123456:FAKE-TEST";
  private final HttpClient http = HttpClient.newHttpClient();
  private FakeTelegramServer telegram;

  @BeforeEach
  void start() throws Exception {
    telegram = FakeTelegramServer.start(0, TOKEN);
  }

  @AfterEach
  void stop() {
    telegram.close();
  }

  @Test
  void aNewerGetUpdatesEndsTheWaitingOlderOneWith409() throws Exception {
    CompletableFuture<HttpResponse<String>> older = getUpdates(20);
    await().atMost(Duration.ofSeconds(5)).until(() -> telegram.pollNanos().size() == 1);

    HttpResponse<String> newer = getUpdates(0).get();

    assertThat(newer.statusCode()).isEqualTo(200);
    HttpResponse<String> ended = older.get();
    assertThat(ended.statusCode()).isEqualTo(409);
    assertThat(ended.body()).contains("terminated by other getUpdates request");
    assertThat(telegram.pollNanos()).hasSize(2);
  }

  @Test
  void aWaitingPollerStillGetsAnUpdateWhenNoOtherComes() throws Exception {
    CompletableFuture<HttpResponse<String>> poll = getUpdates(20);
    await().atMost(Duration.ofSeconds(5)).until(() -> telegram.pollNanos().size() == 1);

    long id = telegram.userSays(9, 9, "en", "hi");

    HttpResponse<String> answer = poll.get();
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"update_id\":" + id);
  }

  private CompletableFuture<HttpResponse<String>> getUpdates(int timeoutSeconds) {
    URI uri =
        URI.create(telegram.baseUri() + "/bot" + TOKEN + "/getupdates?timeout=" + timeoutSeconds);
    return http.sendAsync(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
