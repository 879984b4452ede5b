package io.personastudio.domain.persona;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The owner's confirmation, for one upload, that they may use the chat and that the person they
 * imitate agreed: who, when, and which wording they confirmed.
 */
@Entity
@Table(name = "upload_consent")
public class UploadConsent {

  /**
   * The statement confirmed: "I may use this chat, and the person I imitate has agreed to it" (the
   * wizard's checkbox, the API's {@code consent=true}). A new wording gets a new value.
   */
  public static final String STATEMENT = "chat-use-and-person-agreed/1";

  @Id
  @Column(name = "import_id")
  private UUID importId;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(name = "given_at", nullable = false)
  private OffsetDateTime givenAt;

  @Column(nullable = false, length = 40)
  private String statement;

  protected UploadConsent() {}

  public UploadConsent(UUID importId, UUID accountId, OffsetDateTime givenAt) {
    this.importId = importId;
    this.accountId = accountId;
    this.givenAt = givenAt;
    this.statement = STATEMENT;
  }

  public UUID importId() {
    return importId;
  }

  public UUID accountId() {
    return accountId;
  }

  public OffsetDateTime givenAt() {
    return givenAt;
  }
}
