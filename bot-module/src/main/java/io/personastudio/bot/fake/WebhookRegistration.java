package io.personastudio.bot.fake;

/**
 * What the bot sent with {@code setWebhook}: the URL, the secret Telegram would put in {@code
 * X-Telegram-Bot-Api-Secret-Token}, and {@code allowed_updates} as sent (a JSON array, or null).
 */
public record WebhookRegistration(String url, String secretToken, String allowedUpdates) {

  @Override
  public String toString() {
    return "WebhookRegistration[url="
        + url
        + ", secretToken=***, allowedUpdates="
        + allowedUpdates
        + "]";
  }
}
