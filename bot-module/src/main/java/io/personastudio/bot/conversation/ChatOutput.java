package io.personastudio.bot.conversation;

/** What the conversation says back; the adapter delivers it within Telegram's limits. */
public interface ChatOutput {

  /** Shows "typing..." while a reply is computed. */
  void typing(long chatId);

  /** Sends one message of at most {@link MessageSplitter#TELEGRAM_LIMIT} characters. */
  void send(long chatId, String text);
}
