package io.personastudio.bot.port;

import java.util.Objects;

/** A persona as the bot shows it: its id and display name. */
public record PersonaRef(String id, String name) {
  public PersonaRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
