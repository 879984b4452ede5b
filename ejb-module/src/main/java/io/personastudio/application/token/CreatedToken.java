package io.personastudio.application.token;

import java.util.UUID;

/** A new token: the secret is shown this once and never stored. */
public record CreatedToken(UUID id, String token) {

  @Override
  public String toString() {
    return "CreatedToken[" + id + "]";
  }
}
