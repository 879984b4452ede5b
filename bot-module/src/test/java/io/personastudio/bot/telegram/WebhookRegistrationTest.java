package io.personastudio.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.personastudio.bot.conversation.ConversationSettings;
import io.personastudio.bot.fake.FakeTelegramServer;
import io.personastudio.bot.fake.Fault;
import io.personastudio.bot.fake.WebhookRegistration;
import io.personastudio.bot.support.BotHarness;
import io.personastudio.bot.support.InMemoryBindings;
import io.personastudio.bot.support.InMemoryDirectory;
import io.personastudio.bot.support.InMemoryLedger;
import io.personastudio.bot.support.InMemoryMemory;
import io.personastudio.bot.support.InMemoryOutbox;
import io.personastudio.bot.support.NoTransactions;
import io.personastudio.bot.support.ScriptedReplies;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook mode's registration: setWebhook with URL, secret and allowed updates; no polling. */
class WebhookRegistrationTest {

  private FakeTelegramServer telegram;
  private TelegramBot bot;

  @BeforeEach
  void start() throws Exception {
    telegram = FakeTelegramServer.start(0, BotHarness.TOKEN);
    BotPorts ports =
        new BotPorts(
            new InMemoryDirectory(),
            new InMemoryBindings(),
            new InMemoryMemory(),
            new ScriptedReplies(),
            new InMemoryLedger(),
            new InMemoryOutbox(),
            new NoTransactions());
    bot =
        new TelegramBot(
            BotHarness.fastSettings(telegram),
            ports,
            ConversationSettings.defaults(),
            Clock.systemUTC(),
            BotHarness.threads());
  }

  @AfterEach
  void stop() {
    bot.close();
    telegram.close();
  }

  @Test
  void registersTheUrlTheSecretAndMessagesOnlyWithoutPolling() throws Exception {
    bot.registerWebhook(URI.create("https://bot.example.org/api/telegram/webhook"), "s3cret-X_1");

    WebhookRegistration webhook = telegram.webhook().orElseThrow();
    assertThat(webhook.url()).isEqualTo("https://bot.example.org/api/telegram/webhook");
    assertThat(webhook.secretToken()).isEqualTo("s3cret-X_1");
    assertThat(webhook.allowedUpdates()).contains("message").doesNotContain("callback_query");
    assertThat(webhook.toString()).doesNotContain("s3cret");
    assertThat(telegram.commandMenus()).contains("", "ru");
    Thread.sleep(300);
    assertThat(telegram.pollNanos()).isEmpty();
  }

  @Test
  void aRefusedRegistrationIsReportedForTheCallerToRetry() {
    telegram.inject("setWebhook", new Fault(400, 0, Duration.ZERO), 1);

    assertThatThrownBy(
            () -> bot.registerWebhook(URI.create("https://bot.example.org/hook"), "s3cret"))
        .isInstanceOf(BotApiException.class)
        .hasMessageNotContaining(BotHarness.TOKEN);
    assertThat(telegram.webhook()).isEmpty();
  }
}
