package io.personastudio.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A person registered on the website; owner of personas, uploads and access tokens. */
@Entity
@Table(name = "account")
@NamedQuery(
    name = Account.BY_EMAIL,
    query = "SELECT a FROM Account a WHERE LOWER(a.email) = LOWER(:email)")
@NamedQuery(
    name = Account.CREDENTIALS_VERSION,
    query = "SELECT a.credentialsVersion FROM Account a WHERE a.id = :id")
public class Account {

  public static final String BY_EMAIL = "Account.byEmail";
  public static final String CREDENTIALS_VERSION = "Account.credentialsVersion";

  @Id private UUID id;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(name = "display_name", nullable = false, length = 100)
  private String displayName;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  /** Raised by each password change; sessions and tokens made with an older one are void. */
  @Column(name = "credentials_version", nullable = false)
  private int credentialsVersion;

  @Version private long version;

  protected Account() {
    // for JPA
  }

  public Account(
      EmailAddress email, String displayName, String passwordHash, OffsetDateTime createdAt) {
    this.id = UUID.randomUUID();
    this.email = email.value();
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.createdAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String displayName() {
    return displayName;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public int credentialsVersion() {
    return credentialsVersion;
  }

  /**
   * A new password, already hashed; the caller has checked the current one and the rules. Every
   * sign-in made with the old password ends with it.
   */
  public void passwordChanged(String newHash) {
    this.passwordHash = newHash;
    this.credentialsVersion++;
  }
}
