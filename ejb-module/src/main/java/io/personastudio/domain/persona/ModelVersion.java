package io.personastudio.domain.persona;

import io.personastudio.infrastructure.persistence.NullableUuidConverter;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One trained model of a persona: the ML unit's versioned artifact, loadable on any node. */
@Entity
@Table(name = "model_version")
public class ModelVersion {

  @Id private UUID id;

  @Column(name = "persona_id", nullable = false)
  private UUID personaId;

  @Column(name = "run_id")
  @Convert(converter = NullableUuidConverter.class)
  private UUID runId;

  @Column(name = "format_version", nullable = false)
  private int formatVersion;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] artifact;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected ModelVersion() {}

  public ModelVersion(
      UUID personaId, UUID runId, int formatVersion, byte[] artifact, OffsetDateTime now) {
    this.id = UUID.randomUUID();
    this.personaId = personaId;
    this.runId = runId;
    this.formatVersion = formatVersion;
    this.artifact = artifact.clone();
    this.sizeBytes = artifact.length;
    this.createdAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID personaId() {
    return personaId;
  }

  public byte[] artifact() {
    return artifact.clone();
  }

  public long sizeBytes() {
    return sizeBytes;
  }
}
