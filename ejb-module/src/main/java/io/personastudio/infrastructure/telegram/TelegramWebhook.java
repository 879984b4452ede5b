package io.personastudio.infrastructure.telegram;

import java.net.URI;
import java.util.Objects;

/**
 * Webhook mode's settings: the public URL Telegram posts updates to ({@code
 * persona.telegram.webhook-url}) and the secret it sends back in {@code
 * X-Telegram-Bot-Api-Secret-Token} ({@code persona.telegram.webhook-secret}, never logged).
 */
public record TelegramWebhook(URI url, String secret) {

  public TelegramWebhook {
    Objects.requireNonNull(url, "url");
    if (secret == null || !secret.matches("[A-Za-z0-9_-]{1,256}")) {
      throw new IllegalArgumentException(
          "persona.telegram.webhook-secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -");
    }
  }

  @Override
  public String toString() {
    return "TelegramWebhook[url=" + url + ", secret=***]";
  }
}
