package io.personastudio.bot.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The library's client behind one rule: every call ends within a deadline. {@code execute()} can
 * hang forever on a malformed answer, so calls go through {@code executeAsync().get(timeout)}, and
 * OkHttp's own call timeout frees the connection. Failures come out as {@link BotApiException},
 * with the token scrubbed from their text.
 */
public final class BotApi implements AutoCloseable {

  /**
   * Idle keep-alive connections kept: the gateway's 16 senders, the typing hints and the poll. With
   * OkHttp's default of 5 a burst closed and reopened connections all the time (connect frames in
   * the profile).
   */
  private static final int IDLE_CONNECTIONS = 32;

  private final TelegramClient client;
  private final OkHttpClient http;
  private final String token;

  BotApi(TelegramClient client, OkHttpClient http, String token) {
    this.client = client;
    this.http = http;
    this.token = token;
  }

  public static BotApi create(BotSettings settings) {
    long httpMillis = settings.httpTimeout().toMillis();
    long longestCall = httpMillis + settings.pollTimeoutSeconds() * 1000L;
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(256);
    dispatcher.setMaxRequestsPerHost(128);
    OkHttpClient http =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
            .connectTimeout(httpMillis, TimeUnit.MILLISECONDS)
            .writeTimeout(httpMillis, TimeUnit.MILLISECONDS)
            .readTimeout(longestCall, TimeUnit.MILLISECONDS)
            .callTimeout(longestCall, TimeUnit.MILLISECONDS)
            .retryOnConnectionFailure(false)
            .build();
    var base = settings.apiBase();
    int port = base.getPort() > 0 ? base.getPort() : ("http".equals(base.getScheme()) ? 80 : 443);
    TelegramUrl url = new TelegramUrl(base.getScheme(), base.getHost(), port, false);
    return new BotApi(
        new OkHttpTelegramClient(http, settings.token(), url), http, settings.token());
  }

  /** Calls one Bot API method and waits at most {@code timeout} for its answer. */
  public <T extends Serializable, M extends BotApiMethod<T>> T call(M method, Duration timeout)
      throws BotApiException {
    CompletableFuture<T> future;
    try {
      future = client.executeAsync(method);
    } catch (TelegramApiException e) {
      throw BotApiException.transientFailure(scrub(e), e);
    }
    return await(future, method.getMethod(), timeout);
  }

  /** {@code setWebhook} (a multipart method, not a {@link BotApiMethod}) within {@code timeout}. */
  public boolean setWebhook(SetWebhook method, Duration timeout) throws BotApiException {
    CompletableFuture<Boolean> future = client.executeAsync(method);
    return Boolean.TRUE.equals(await(future, method.getMethod(), timeout));
  }

  private <T> T await(CompletableFuture<T> future, String method, Duration timeout)
      throws BotApiException {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw BotApiException.transientFailure(method + " timed out after " + timeout, e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw BotApiException.transientFailure(method + " interrupted", e);
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    }
  }

  private BotApiException translate(Throwable cause) {
    if (cause instanceof TelegramApiRequestException request && request.getErrorCode() != null) {
      Integer retryAfter =
          request.getParameters() == null ? null : request.getParameters().getRetryAfter();
      return BotApiException.answered(
          request.getErrorCode(), retryAfter == null ? 0 : retryAfter, scrub(request), request);
    }
    return BotApiException.transientFailure(scrub(cause), cause);
  }

  private String scrub(Throwable e) {
    return TokenMask.scrub(String.valueOf(e.getMessage()), token);
  }

  @Override
  public void close() {
    http.dispatcher().cancelAll();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
