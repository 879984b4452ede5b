package io.personastudio.bot.port;

import java.util.Objects;

/**
 * A chat's link to a persona, made with one access token. The token id (never the token itself)
 * lets the bot notice a revocation later.
 */
public record Binding(PersonaRef persona, String accessTokenId) {
  public Binding {
    Objects.requireNonNull(persona, "persona");
    Objects.requireNonNull(accessTokenId, "accessTokenId");
  }
}
