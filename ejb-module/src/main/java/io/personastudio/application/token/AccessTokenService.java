package io.personastudio.application.token;

import io.personastudio.domain.DomainException;
import io.personastudio.domain.persona.Persona;
import io.personastudio.domain.token.AccessToken;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Access tokens: 256 random bits, shown once, stored as SHA-256 hashes (a database leak reveals
 * none). Tokens are URL-safe, so they fit Telegram's deep-link {@code start} parameter (≤ 64).
 */
@Stateless
public class AccessTokenService {

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "persona")
  EntityManager em;

  public CreatedToken create(UUID owner, UUID personaId, String label, OffsetDateTime expiresAt) {
    Persona persona = ownedPersona(owner, personaId);
    String name = label == null || label.isBlank() ? "Telegram" : label.strip();
    if (name.length() > 100) {
      throw DomainException.invalid("Token label must be at most 100 characters.");
    }
    OffsetDateTime now = now();
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw DomainException.invalid("The expiry date must lie in the future.");
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    AccessToken stored = new AccessToken(persona.id(), owner, name, hash(token), expiresAt, now);
    em.persist(stored);
    return new CreatedToken(stored.id(), token);
  }

  public List<TokenView> list(UUID owner, UUID personaId) {
    ownedPersona(owner, personaId);
    return em.createNamedQuery(AccessToken.OF_PERSONA, AccessToken.class)
        .setParameter("p", personaId)
        .getResultStream()
        .map(TokenView::of)
        .toList();
  }

  public void revoke(UUID owner, UUID tokenId) {
    AccessToken token = em.find(AccessToken.class, tokenId);
    if (token == null || !token.ownedBy(owner)) {
      throw DomainException.notFound("No such token.");
    }
    token.revoke(now());
  }

  /** For the bot: what this token opens for this Telegram user; binds it on first use. */
  public TokenGrant redeem(String token, long telegramUser) {
    if (token == null || token.isBlank() || token.length() > 64) {
      return TokenGrant.refused("UNKNOWN");
    }
    AccessToken found =
        em.createNamedQuery(AccessToken.BY_HASH, AccessToken.class)
            .setParameter("h", hash(token.strip()))
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (found == null) {
      return TokenGrant.refused("UNKNOWN");
    }
    OffsetDateTime now = now();
    String refusal = found.refusal(now).orElse(null);
    if (refusal != null) {
      return TokenGrant.refused(refusal);
    }
    if (!found.bindTo(telegramUser, now)) {
      return TokenGrant.refused("TAKEN");
    }
    Persona persona = em.find(Persona.class, found.personaId());
    return TokenGrant.granted(persona.id(), persona.name());
  }

  private Persona ownedPersona(UUID owner, UUID personaId) {
    Persona persona = personaId == null ? null : em.find(Persona.class, personaId);
    if (persona == null || !persona.ownedBy(owner)) {
      throw DomainException.notFound("No such persona.");
    }
    return persona;
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
