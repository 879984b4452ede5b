package io.personastudio.bot.telegram;

/** Keeps the bot token out of logs: any text that may hold a Bot API URL goes through here. */
public final class TokenMask {

  private TokenMask() {}

  /** "123456:ABC...xyz" becomes "123456:***". */
  public static String masked(String token) {
    int colon = token.indexOf(':');
    return (colon > 0 ? token.substring(0, colon + 1) : "") + "***";
  }

  /** Replaces every occurrence of the token in a message (URL, exception text). */
  public static String scrub(String text, String token) {
    if (text == null || token.isEmpty()) {
      return text;
    }
    return text.replace(token, masked(token));
  }
}
