package io.personastudio.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.personastudio.bot.fake.FakeTelegramServer;
import io.personastudio.bot.fake.Fault;
import io.personastudio.bot.support.BotHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelegramGatewayTest {

  private FakeTelegramServer telegram;
  private BotApi api;
  private TelegramGateway gateway;

  @BeforeEach
  void start() throws Exception {
    telegram = FakeTelegramServer.start(0, BotHarness.TOKEN);
  }

  private void gatewayWith(BotSettings settings) {
    api = BotApi.create(settings);
    gateway = new TelegramGateway(api, settings, BotHarness.threads());
  }

  @AfterEach
  void stop() {
    gateway.close();
    api.close();
    telegram.close();
  }

  @Test
  void waitsForRetryAfterAndDeliversEverythingInOrder() {
    gatewayWith(BotHarness.fastSettings(telegram));
    telegram.inject("sendMessage", Fault.tooManyRequests(1), 2);

    List<CompletableFuture<Void>> sends = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      sends.add(gateway.send(7, "message " + i));
    }

    await().atMost(Duration.ofSeconds(15)).until(() -> sends.stream().allMatch(f -> f.isDone()));
    assertThat(sends).allMatch(f -> !f.isCompletedExceptionally());
    assertThat(telegram.textsTo(7))
        .containsExactly("message 1", "message 2", "message 3", "message 4", "message 5");
  }

  @Test
  void retriesServerErrorsWithBackoff() {
    gatewayWith(BotHarness.fastSettings(telegram));
    telegram.inject("sendMessage", Fault.serverError(502), 3);

    CompletableFuture<Void> sent = gateway.send(8, "after three failures");

    await().atMost(Duration.ofSeconds(15)).until(sent::isDone);
    assertThat(sent).isCompleted();
    assertThat(telegram.textsTo(8)).containsExactly("after three failures");
  }

  @Test
  void retriesACallThatGotNoAnswerInTime() {
    BotSettings settings =
        BotHarness.fastSettings(telegram)
            .withRetries(4, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(300));
    gatewayWith(settings);
    telegram.inject("sendMessage", Fault.slow(Duration.ofSeconds(2)), 1);

    CompletableFuture<Void> sent = gateway.send(9, "eventually");

    await().atMost(Duration.ofSeconds(15)).until(sent::isDone);
    assertThat(telegram.textsTo(9)).contains("eventually");
  }

  @Test
  void staysWithinTelegramLimitsByQueueingNotDropping() {
    BotSettings settings =
        BotHarness.fastSettings(telegram)
            .withLimits(Duration.ofMillis(40), Duration.ofMillis(1050));
    gatewayWith(settings);
    telegram.limits(true);

    List<CompletableFuture<Void>> sends = new ArrayList<>();
    for (int chat = 1; chat <= 40; chat++) {
      sends.add(gateway.send(chat, "first"));
      sends.add(gateway.send(chat, "second"));
    }

    await().atMost(Duration.ofSeconds(20)).until(() -> sends.stream().allMatch(f -> f.isDone()));
    assertThat(telegram.sent()).hasSize(80);
    assertThat(telegram.limitViolations()).isZero();
  }
}
