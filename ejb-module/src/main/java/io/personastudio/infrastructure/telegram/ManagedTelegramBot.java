package io.personastudio.infrastructure.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.personastudio.bot.conversation.ConversationSettings;
import io.personastudio.bot.port.ChatBindings;
import io.personastudio.bot.port.ConversationMemory;
import io.personastudio.bot.port.PersonaDirectory;
import io.personastudio.bot.port.PersonaReplies;
import io.personastudio.bot.port.ReplyOutbox;
import io.personastudio.bot.port.Transactions;
import io.personastudio.bot.port.UpdateLedger;
import io.personastudio.bot.telegram.BotApiException;
import io.personastudio.bot.telegram.BotPorts;
import io.personastudio.bot.telegram.BotSettings;
import io.personastudio.bot.telegram.TelegramBot;
import io.personastudio.infrastructure.persistence.SchemaMigrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The Telegram bot of this node, tied to the deployment. Configuration ({@code persona.telegram.*},
 * env {@code PERSONA_TELEGRAM_*}) is read when the bean starts; with no token the bot stays off.
 * Polling mode: a managed thread waits for the schema, then loops on a cluster-wide lock; only its
 * holder polls, and a standby takes over when the holder's member leaves the cluster. Webhook mode:
 * every node handles what the endpoint feeds to {@link #process}. Tests start it with their own
 * settings through {@link #start}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ManagedTelegramBot {

  private static final Logger LOG = Logger.getLogger(ManagedTelegramBot.class.getName());
  private static final String LOCK_MAP = "persona-telegram";
  private static final String LOCK_KEY = "poller";

  @Inject Config config;
  @Inject SchemaMigrations schema;
  @Resource ManagedThreadFactory threads;

  @Inject PersonaDirectory directory;
  @Inject ChatBindings bindings;
  @Inject ConversationMemory memory;
  @EJB PersonaReplies replies;
  @Inject UpdateLedger ledger;
  @Inject ReplyOutbox outbox;
  @EJB Transactions transactions;

  private final ObjectMapper json =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private volatile Run run;

  @PostConstruct
  void startFromConfig() {
    Optional<String> token = config.getOptionalValue("persona.telegram.token", String.class);
    if (token.isEmpty() || token.get().isBlank()) {
      LOG.info("Telegram bot off: persona.telegram.token is not set");
      return;
    }
    URI api =
        URI.create(
            config
                .getOptionalValue("persona.telegram.api-url", String.class)
                .orElse("https://api.telegram.org"));
    TelegramMode mode =
        TelegramMode.valueOf(
            config
                .getOptionalValue("persona.telegram.mode", String.class)
                .orElse("polling")
                .toUpperCase(Locale.ROOT));
    TelegramWebhook webhook = null;
    if (mode == TelegramMode.WEBHOOK) {
      Optional<String> url = config.getOptionalValue("persona.telegram.webhook-url", String.class);
      Optional<String> secret =
          config.getOptionalValue("persona.telegram.webhook-secret", String.class);
      if (url.isEmpty() || secret.isEmpty()) {
        LOG.severe(
            "Telegram bot off: webhook mode needs persona.telegram.webhook-url and"
                + " persona.telegram.webhook-secret");
        return;
      }
      try {
        webhook = new TelegramWebhook(URI.create(url.get().strip()), secret.get().strip());
      } catch (IllegalArgumentException e) {
        LOG.severe("Telegram bot off: " + e.getMessage());
        return;
      }
    }
    Optional<Duration> lease = outboxLease();
    if (lease.isEmpty()) {
      return;
    }
    start(
        BotSettings.defaults(token.get().strip(), api).withOutboxLease(lease.get()), mode, webhook);
  }

  /** {@code persona.telegram.outbox-lease-seconds}, default 10; empty (and logged) if invalid. */
  private Optional<Duration> outboxLease() {
    String key = "persona.telegram.outbox-lease-seconds";
    String value =
        config
            .getOptionalValue(key, String.class)
            .orElse(String.valueOf(BotSettings.OUTBOX_LEASE.toSeconds()))
            .strip();
    try {
      int seconds = Integer.parseInt(value);
      if (seconds >= 1) {
        return Optional.of(Duration.ofSeconds(seconds));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    LOG.severe(
        "Telegram bot off: " + key + " must be a whole number of seconds >= 1, not " + value);
    return Optional.empty();
  }

  /**
   * Starts the bot (stopping a running one first). Used at start-up and by the integration tests,
   * which cannot pass system properties to the server and point the bot at a fake Bot API. Both
   * modes run a leader thread under the cluster-wide lock: in polling mode its holder polls, in
   * webhook mode its holder registers the webhook (every node handles what the endpoint receives).
   */
  public synchronized void start(BotSettings settings, TelegramMode mode, TelegramWebhook webhook) {
    if (mode == TelegramMode.WEBHOOK && webhook == null) {
      throw new IllegalArgumentException("webhook mode needs a webhook URL and secret");
    }
    stop();
    Run next = new Run(settings, mode, webhook);
    if (mode == TelegramMode.WEBHOOK) {
      next.bot = newBot(settings);
    }
    next.leader = threads.newThread(() -> lead(next));
    next.leader.setName("telegram-leader");
    next.leader.start();
    run = next;
    LOG.log(Level.INFO, "Telegram bot started in {0} mode: {1}", new Object[] {mode, settings});
  }

  /** True once this node registered the webhook (webhook mode, lock holder). */
  public boolean webhookRegistered() {
    Run current = run;
    return current != null && current.webhookRegistered;
  }

  /** Stops the bot and gives up the polling lock. */
  @PreDestroy
  public synchronized void stop() {
    Run current = run;
    run = null;
    if (current == null) {
      return;
    }
    current.stopping = true;
    if (current.leader != null) {
      current.leader.interrupt();
      try {
        current.leader.join(Duration.ofSeconds(15).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    TelegramBot bot = current.bot;
    if (bot != null && current.mode == TelegramMode.WEBHOOK) {
      bot.close();
    }
  }

  /** True while this node holds the polling lock and polls. */
  public boolean polling() {
    Run current = run;
    return current != null && current.bot != null && current.mode == TelegramMode.POLLING;
  }

  /** One webhook call: checks Telegram's secret header (constant time), then handles the update. */
  public WebhookOutcome process(String updateJson, String secretHeader) {
    Run current = run;
    if (current == null || current.mode != TelegramMode.WEBHOOK || current.bot == null) {
      return WebhookOutcome.DISABLED;
    }
    if (secretHeader == null
        || !MessageDigest.isEqual(
            current.webhook.secret().getBytes(StandardCharsets.UTF_8),
            secretHeader.getBytes(StandardCharsets.UTF_8))) {
      return WebhookOutcome.FORBIDDEN;
    }
    Update update;
    try {
      update = json.readValue(updateJson, Update.class);
    } catch (IOException | RuntimeException e) {
      return WebhookOutcome.MALFORMED;
    }
    if (update == null || update.getUpdateId() == null) {
      return WebhookOutcome.MALFORMED;
    }
    current.bot.processor().process(update);
    return WebhookOutcome.ACCEPTED;
  }

  private void lead(Run self) {
    LeaderLock lock = HazelcastLeaderLock.lookup(LOCK_MAP, LOCK_KEY).orElseGet(LeaderLock::local);
    TelegramBot warm = null;
    try {
      while (!self.stopping) {
        if (!schema.state().migrated()) {
          Thread.sleep(1000);
          continue;
        }
        if (self.mode == TelegramMode.POLLING && warm == null) {
          // Built while standing by (it does not poll): under load building it took 5 s, which
          // was most of a take-over.
          warm = newBot(self.settings);
        }
        if (!lock.tryAcquire(Duration.ofSeconds(1))) {
          continue;
        }
        if (self.mode == TelegramMode.WEBHOOK) {
          holdAsWebhookRegistrar(self, lock);
        } else {
          TelegramBot bot = warm;
          warm = null;
          holdAsPoller(self, lock, bot);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Telegram leader loop failed", e);
    } finally {
      lock.release();
      if (warm != null) {
        warm.close();
      }
    }
  }

  private void holdAsPoller(Run self, LeaderLock lock, TelegramBot bot)
      throws InterruptedException {
    LOG.info("This node holds the Telegram polling lock and polls");
    self.bot = bot;
    try {
      bot.startPolling();
      while (!self.stopping && lock.held()) {
        Thread.sleep(250);
      }
    } finally {
      self.bot = null;
      bot.close();
      lock.release();
      LOG.info("This node stopped polling Telegram");
    }
  }

  /** Registers the webhook once (retrying while Telegram refuses), then keeps the lock. */
  private void holdAsWebhookRegistrar(Run self, LeaderLock lock) throws InterruptedException {
    try {
      while (!self.stopping && lock.held() && !self.webhookRegistered) {
        try {
          self.bot.registerWebhook(self.webhook.url(), self.webhook.secret());
          self.webhookRegistered = true;
        } catch (BotApiException e) {
          LOG.log(Level.WARNING, "setWebhook failed, retrying in 2 s: {0}", e.getMessage());
          Thread.sleep(2000);
        }
      }
      while (!self.stopping && lock.held()) {
        Thread.sleep(250);
      }
    } finally {
      lock.release();
    }
  }

  private TelegramBot newBot(BotSettings settings) {
    BotPorts ports =
        new BotPorts(directory, bindings, memory, replies, ledger, outbox, transactions);
    return new TelegramBot(
        settings, ports, ConversationSettings.defaults(), Clock.systemUTC(), threads);
  }

  /** One start of the bot; the leader thread and the webhook path read it. */
  private static final class Run {
    final BotSettings settings;
    final TelegramMode mode;
    final TelegramWebhook webhook;
    volatile Thread leader;
    volatile TelegramBot bot;
    volatile boolean stopping;
    volatile boolean webhookRegistered;

    Run(BotSettings settings, TelegramMode mode, TelegramWebhook webhook) {
      this.settings = settings;
      this.mode = mode;
      this.webhook = webhook;
    }
  }
}
