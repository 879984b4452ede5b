package io.personastudio.application.token;

import io.personastudio.domain.token.AccessToken;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the owner sees of a token: never the secret. */
public record TokenView(
    UUID id,
    String label,
    OffsetDateTime createdAt,
    OffsetDateTime expiresAt,
    OffsetDateTime lastUsedAt,
    boolean revoked) {

  static TokenView of(AccessToken t) {
    return new TokenView(
        t.id(),
        t.label(),
        t.createdAt(),
        t.expiresAt().orElse(null),
        t.lastUsedAt().orElse(null),
        t.revoked());
  }
}
