package io.personastudio.infrastructure.telegram;

/** What the webhook endpoint answers Telegram: 200, 403, 404 (bot off) or 400. */
public enum WebhookOutcome {
  ACCEPTED,
  FORBIDDEN,
  DISABLED,
  MALFORMED
}
