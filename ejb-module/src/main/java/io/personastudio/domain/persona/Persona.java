package io.personastudio.domain.persona;

import io.personastudio.infrastructure.persistence.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A chatbot that imitates one participant of an uploaded chat; owned by one account. */
@Entity
@Table(name = "persona")
public class Persona {

  @Id private UUID id;

  @Column(name = "owner_id", nullable = false)
  private UUID ownerId;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(nullable = false, length = 200)
  private String person;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private PersonaStatus status;

  @Column(name = "active_model_id")
  @Convert(converter = NullableUuidConverter.class)
  private UUID activeModelId;

  @Column(nullable = false)
  private boolean scrub;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Version private long version;

  protected Persona() {}

  public Persona(UUID ownerId, String name, String person, boolean scrub, OffsetDateTime now) {
    this.id = UUID.randomUUID();
    this.ownerId = ownerId;
    this.name = name;
    this.person = person;
    this.scrub = scrub;
    this.status = PersonaStatus.TRAINING;
    this.createdAt = now;
  }

  /** A new model version answers from now on; the previous one served until this commit. */
  public void activate(UUID modelId) {
    this.activeModelId = modelId;
    this.status = PersonaStatus.READY;
  }

  /**
   * A new training is queued: a persona without a model (its first training failed) is TRAINING
   * again; one with a model stays READY and serves it until the new version is published.
   */
  public void trainingQueued() {
    if (activeModelId == null) {
      status = PersonaStatus.TRAINING;
    }
  }

  /** A training failed: a persona that never had a model is FAILED, others keep serving. */
  public void trainingFailed() {
    if (activeModelId == null) {
      status = PersonaStatus.FAILED;
    }
  }

  public boolean ownedBy(UUID account) {
    return ownerId.equals(account);
  }

  public UUID id() {
    return id;
  }

  public UUID ownerId() {
    return ownerId;
  }

  public String name() {
    return name;
  }

  public String person() {
    return person;
  }

  public PersonaStatus status() {
    return status;
  }

  public Optional<UUID> activeModelId() {
    return Optional.ofNullable(activeModelId);
  }

  public boolean scrub() {
    return scrub;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
