package io.personastudio.bot.support;

import static org.awaitility.Awaitility.await;

import io.personastudio.bot.conversation.ConversationSettings;
import io.personastudio.bot.fake.FakeTelegramServer;
import io.personastudio.bot.port.PersonaReplies;
import io.personastudio.bot.telegram.BotPorts;
import io.personastudio.bot.telegram.BotSettings;
import io.personastudio.bot.telegram.TelegramBot;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.awaitility.core.ConditionFactory;

/** A fake Telegram and a bot polling it, with in-memory ports; each test builds its own. */
public final class BotHarness implements AutoCloseable {

  public static final String TOKEN = "123456:TEST-bot-token-never-logged";

  public final FakeTelegramServer telegram;
  public final InMemoryDirectory directory = new InMemoryDirectory();
  public final InMemoryBindings bindings = new InMemoryBindings();
  public final InMemoryMemory memory = new InMemoryMemory();
  public final InMemoryLedger ledger;
  public final InMemoryOutbox outbox = new InMemoryOutbox();
  public final InMemoryTransactions transactions = new InMemoryTransactions();
  public final PersonaReplies replies;
  private TelegramBot bot;
  private final BotSettings settings;

  private BotHarness(PersonaReplies replies, UnaryOperator<BotSettings> tune) throws IOException {
    this.telegram = FakeTelegramServer.start(0, TOKEN);
    this.replies = replies;
    this.ledger = new InMemoryLedger();
    this.settings = tune.apply(fastSettings(telegram));
  }

  /**
   * Limits off (as the fake has them by default), fast polling and retries, "typing..." at once (so
   * a test can see it for instant replies).
   */
  public static BotSettings fastSettings(FakeTelegramServer telegram) {
    return BotSettings.defaults(TOKEN, telegram.baseUri())
        .withLimits(Duration.ZERO, Duration.ZERO)
        .withPolling(1, Duration.ofMillis(200))
        .withRetries(6, Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(3))
        .withTypingDelay(Duration.ZERO);
  }

  public static BotHarness start(PersonaReplies replies) throws IOException {
    return start(replies, UnaryOperator.identity());
  }

  /** A bot on the {@link #fastSettings fast settings} as {@code tune} changes them. */
  public static BotHarness start(PersonaReplies replies, UnaryOperator<BotSettings> tune)
      throws IOException {
    BotHarness harness = new BotHarness(replies, tune);
    harness.startBot();
    return harness;
  }

  /** Awaitility as the bot tests wait: up to 20 s, checking every 20 ms. */
  public static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20));
  }

  public static BotHarness started() throws IOException {
    return start(new ScriptedReplies());
  }

  public void startBot() {
    startBot(settings);
  }

  public void startBot(BotSettings custom) {
    bot = newBot(custom);
    bot.startPolling();
  }

  /** Another bot on this harness's ports and settings, not polling (a standby node's). */
  public TelegramBot newBot() {
    return newBot(settings);
  }

  private TelegramBot newBot(BotSettings custom) {
    BotPorts ports =
        new BotPorts(directory, bindings, memory, replies, ledger, outbox, transactions);
    return new TelegramBot(
        custom, ports, ConversationSettings.defaults(), Clock.systemUTC(), threads());
  }

  public void stopBot() {
    bot.close();
  }

  public TelegramBot bot() {
    return bot;
  }

  public static ThreadFactory threads() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "bot-test-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    if (bot != null) {
      bot.close();
    }
    telegram.close();
  }
}
