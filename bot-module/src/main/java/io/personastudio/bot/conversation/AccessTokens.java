package io.personastudio.bot.conversation;

import java.util.regex.Pattern;

/**
 * Recognises a pasted access token. Tokens are at least 128 random bits in URL-safe Base64 (they
 * must fit Telegram's deep-link {@code start} parameter: {@code [A-Za-z0-9_-]}, at most 64).
 */
final class AccessTokens {

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22,64}");
  private static final Pattern DIGIT = Pattern.compile(".*[0-9].*");
  private static final Pattern LOWER = Pattern.compile(".*[a-z].*");
  private static final Pattern UPPER = Pattern.compile(".*[A-Z].*");

  private AccessTokens() {}

  /** Shape only: good enough to try it as a token when the chat is bound to nothing yet. */
  static boolean hasTokenShape(String text) {
    return SHAPE.matcher(text.strip()).matches();
  }

  /**
   * Stricter, for chats already talking to a persona: a long single word with digits and both cases
   * is far more likely a token than a message.
   */
  static boolean looksRandom(String text) {
    String word = text.strip();
    return hasTokenShape(word)
        && DIGIT.matcher(word).matches()
        && LOWER.matcher(word).matches()
        && UPPER.matcher(word).matches();
  }
}
