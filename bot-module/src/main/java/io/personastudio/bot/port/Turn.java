package io.personastudio.bot.port;

import java.util.Objects;

/** One message of a conversation, said by the user or by the persona. */
public record Turn(Speaker speaker, String text) {

  /** Who said it. */
  public enum Speaker {
    USER,
    PERSONA
  }

  public Turn {
    Objects.requireNonNull(speaker, "speaker");
    Objects.requireNonNull(text, "text");
  }

  public static Turn user(String text) {
    return new Turn(Speaker.USER, text);
  }

  public static Turn persona(String text) {
    return new Turn(Speaker.PERSONA, text);
  }
}
