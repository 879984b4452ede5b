package io.personastudio.bot.telegram;

import io.personastudio.bot.conversation.ConversationHandler;
import io.personastudio.bot.conversation.ConversationSettings;
import io.personastudio.bot.conversation.Language;
import io.personastudio.bot.conversation.TokenAttemptThrottle;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The assembled bot and the owner of all its threads. The server creates it with its ports and a
 * (managed) thread factory, calls {@link #startPolling()} on the leader node only, or feeds {@link
 * #processor()} from the webhook endpoint, and closes it with the deployment.
 */
public final class TelegramBot implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(TelegramBot.class.getName());

  /**
   * Most updates one stripe handles in one transaction: a backlog costs one commit per batch
   * instead of one per update, while a failed batch (handled again one by one) stays cheap.
   */
  static final int STRIPE_BATCH = 32;

  private final BotSettings settings;
  private final BotPorts ports;
  private final ThreadFactory threads;
  private final BotApi api;
  private final TelegramGateway gateway;
  private final ReplyDelivery delivery;
  private final UpdateProcessor processor;
  private final ChatStripes<Update> stripes;
  private PollerWatchdog watchdog;

  public TelegramBot(
      BotSettings settings,
      BotPorts ports,
      ConversationSettings conversation,
      Clock clock,
      ThreadFactory threads) {
    this.settings = settings;
    this.ports = ports;
    this.threads = threads;
    this.api = BotApi.create(settings);
    this.gateway = new TelegramGateway(api, settings, threads);
    ConversationHandler handler =
        new ConversationHandler(
            ports.directory(),
            ports.bindings(),
            ports.memory(),
            ports.replies(),
            TokenAttemptThrottle.standard(clock),
            conversation);
    this.delivery =
        new ReplyDelivery(
            ports.outbox(), gateway, settings.outboxLease(), settings.backoffMax(), threads);
    this.processor =
        new UpdateProcessor(handler, ports.ledger(), ports.transactions(), gateway, delivery);
    this.stripes =
        new ChatStripes<>(settings.handlerThreads(), STRIPE_BATCH, threads, processor::processAll);
    LOG.log(Level.INFO, "Telegram bot configured: {0}", settings);
  }

  /**
   * Takes over the replies the node polling before left in the outbox, starts long polling under a
   * watchdog, then registers the command menu (best effort): a node taking over polls first.
   */
  public synchronized void startPolling() {
    if (watchdog != null) {
      return;
    }
    try {
      api.call(DeleteWebhook.builder().dropPendingUpdates(false).build(), settings.httpTimeout());
    } catch (BotApiException e) {
      LOG.log(Level.WARNING, "deleteWebhook failed: {0}", e.getMessage());
    }
    delivery.takeOver();
    Duration staleAfter =
        settings.httpTimeout().multipliedBy(2).plusSeconds(settings.pollTimeoutSeconds());
    watchdog =
        new PollerWatchdog(
            () -> new UpdatePoller(api, settings, ports.ledger(), stripes),
            threads,
            settings.watchdogInterval(),
            staleAfter);
    registerCommands();
  }

  /**
   * Webhook mode: registers the command menu and asks Telegram to POST updates to {@code url} with
   * {@code secret} in the {@code X-Telegram-Bot-Api-Secret-Token} header (messages only). Throws
   * when Telegram refuses or cannot be reached; the caller retries.
   */
  public void registerWebhook(URI url, String secret) throws BotApiException {
    registerCommands();
    SetWebhook setWebhook =
        SetWebhook.builder()
            .url(url.toString())
            .secretToken(secret)
            .allowedUpdates(List.of("message"))
            .dropPendingUpdates(false)
            .build();
    if (!api.setWebhook(setWebhook, settings.httpTimeout())) {
      throw BotApiException.transientFailure("setWebhook answered false", null);
    }
    LOG.log(Level.INFO, "Telegram webhook registered: {0}", url);
  }

  private void registerCommands() {
    for (Language language : Language.values()) {
      try {
        api.call(BotCommands.menu(language), settings.httpTimeout());
      } catch (BotApiException e) {
        LOG.log(Level.WARNING, "setMyCommands failed: {0}", e.getMessage());
      }
    }
  }

  /** For the webhook endpoint: handle one update (exactly once, errors contained). */
  public UpdateProcessor processor() {
    return processor;
  }

  public TelegramGateway gateway() {
    return gateway;
  }

  int pollerRestarts() {
    return watchdog == null ? 0 : watchdog.restarts();
  }

  @Override
  public synchronized void close() {
    if (watchdog != null) {
      watchdog.close();
    }
    stripes.close();
    gateway.close();
    delivery.close();
    api.close();
  }
}
