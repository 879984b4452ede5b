package io.personastudio.infrastructure.telegram;

/** How updates reach the bot: long polling on the leader node, or Telegram's webhook calls. */
public enum TelegramMode {
  POLLING,
  WEBHOOK
}
