package io.personastudio.application.token;

import java.util.Optional;
import java.util.UUID;

/**
 * The answer to a presented token: the persona it opens, or why not (UNKNOWN, REVOKED, EXPIRED,
 * TAKEN by another Telegram user, NOT_READY).
 */
public record TokenGrant(Optional<UUID> personaId, Optional<String> personaName, String refusal) {

  static TokenGrant granted(UUID persona, String name) {
    return new TokenGrant(Optional.of(persona), Optional.of(name), null);
  }

  static TokenGrant refused(String why) {
    return new TokenGrant(Optional.empty(), Optional.empty(), why);
  }

  public boolean granted() {
    return refusal == null;
  }
}
