package io.personastudio.bot.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts long replies into Telegram-sized messages: at a line break if one is in the second half of
 * the window, else at a space, else hard — but never between the two halves of a surrogate pair.
 */
public final class MessageSplitter {

  /** Telegram's limit on one message, counted in UTF-16 units (the safe reading). */
  public static final int TELEGRAM_LIMIT = 4096;

  private MessageSplitter() {}

  public static List<String> split(String text) {
    return split(text, TELEGRAM_LIMIT);
  }

  public static List<String> split(String text, int limit) {
    if (limit < 2) {
      throw new IllegalArgumentException("limit must be at least 2");
    }
    List<String> parts = new ArrayList<>();
    String rest = text;
    while (rest.length() > limit) {
      int cut = cutPoint(rest, limit);
      String part = rest.substring(0, cut).stripTrailing();
      if (!part.isEmpty()) {
        parts.add(part);
      }
      rest = rest.substring(cut).stripLeading();
    }
    if (!rest.isBlank() || parts.isEmpty()) {
      parts.add(rest);
    }
    return parts;
  }

  private static int cutPoint(String text, int limit) {
    int newline = text.lastIndexOf('\n', limit);
    if (newline >= limit / 2) {
      return newline + 1;
    }
    for (int i = limit; i >= limit / 2; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i + 1 > limit ? i : i + 1;
      }
    }
    boolean splitsPair =
        Character.isHighSurrogate(text.charAt(limit - 1))
            && Character.isLowSurrogate(text.charAt(limit));
    return splitsPair ? limit - 1 : limit;
  }
}
