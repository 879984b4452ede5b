package io.personastudio.domain.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A secret that lets one Telegram user talk to a persona; revocable, optionally expiring. */
@Entity
@Table(name = "access_token")
@NamedQuery(
    name = AccessToken.BY_HASH,
    query = "SELECT t FROM AccessToken t WHERE t.tokenHash = :h")
@NamedQuery(
    name = AccessToken.OF_PERSONA,
    query = "SELECT t FROM AccessToken t WHERE t.personaId = :p ORDER BY t.createdAt DESC")
public class AccessToken {

  public static final String BY_HASH = "AccessToken.byHash";
  public static final String OF_PERSONA = "AccessToken.ofPersona";

  @Id private UUID id;

  @Column(name = "persona_id", nullable = false)
  private UUID personaId;

  @Column(name = "owner_id", nullable = false)
  private UUID ownerId;

  @Column(nullable = false, length = 100)
  private String label;

  @Column(name = "token_hash", nullable = false)
  private byte[] tokenHash;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at")
  private OffsetDateTime expiresAt;

  @Column(name = "last_used_at")
  private OffsetDateTime lastUsedAt;

  @Column(name = "revoked_at")
  private OffsetDateTime revokedAt;

  @Column(name = "telegram_user_id")
  private Long telegramUserId;

  protected AccessToken() {}

  public AccessToken(
      UUID personaId,
      UUID ownerId,
      String label,
      byte[] tokenHash,
      OffsetDateTime expiresAt,
      OffsetDateTime now) {
    this.id = UUID.randomUUID();
    this.personaId = personaId;
    this.ownerId = ownerId;
    this.label = label;
    this.tokenHash = tokenHash.clone();
    this.expiresAt = expiresAt;
    this.createdAt = now;
  }

  /** Why the token cannot be used now, or empty when it can. */
  public Optional<String> refusal(OffsetDateTime now) {
    if (revokedAt != null) {
      return Optional.of("REVOKED");
    }
    if (expiresAt != null && !now.isBefore(expiresAt)) {
      return Optional.of("EXPIRED");
    }
    return Optional.empty();
  }

  /** Binds the token to the first Telegram user who presents it; false for anybody else. */
  public boolean bindTo(long telegramUser, OffsetDateTime now) {
    if (telegramUserId != null && telegramUserId != telegramUser) {
      return false;
    }
    telegramUserId = telegramUser;
    lastUsedAt = now;
    return true;
  }

  public void used(OffsetDateTime now) {
    lastUsedAt = now;
  }

  public void revoke(OffsetDateTime now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public boolean ownedBy(UUID account) {
    return ownerId.equals(account);
  }

  public UUID id() {
    return id;
  }

  public UUID personaId() {
    return personaId;
  }

  public String label() {
    return label;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public Optional<OffsetDateTime> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  public Optional<OffsetDateTime> lastUsedAt() {
    return Optional.ofNullable(lastUsedAt);
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
