package io.personastudio.bot.conversation;

import java.util.Locale;
import java.util.Optional;

/** A slash command as typed: {@code /switch@PersonaBot 2} gives name "switch", argument "2". */
record Command(String name, String argument) {

  static Optional<Command> parse(String text) {
    String trimmed = text.strip();
    if (!trimmed.startsWith("/") || trimmed.length() < 2) {
      return Optional.empty();
    }
    int space = indexOfWhitespace(trimmed);
    String head = space < 0 ? trimmed.substring(1) : trimmed.substring(1, space);
    String argument = space < 0 ? "" : trimmed.substring(space).strip();
    int at = head.indexOf('@');
    String name = (at < 0 ? head : head.substring(0, at)).toLowerCase(Locale.ROOT);
    return Optional.of(new Command(name, argument));
  }

  private static int indexOfWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
