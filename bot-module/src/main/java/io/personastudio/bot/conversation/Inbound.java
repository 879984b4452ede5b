package io.personastudio.bot.conversation;

/**
 * One message a user sent to the bot. {@code text} is null for media, stickers and other non-text
 * content.
 */
public record Inbound(long chatId, long userId, Language language, String text) {

  public static Inbound text(long chatId, long userId, Language language, String text) {
    return new Inbound(chatId, userId, language, text);
  }

  public static Inbound nonText(long chatId, long userId, Language language) {
    return new Inbound(chatId, userId, language, null);
  }

  public boolean isText() {
    return text != null;
  }
}
