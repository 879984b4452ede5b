package io.personastudio.domain.persona;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One uploaded chat export of a persona; the raw file is gone once its messages are stored. */
@Entity
@Table(name = "chat_import")
public class ChatImport {

  @Id private UUID id;

  @Column(name = "persona_id", nullable = false)
  private UUID personaId;

  @Column(nullable = false, length = 40)
  private String format;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(name = "message_count", nullable = false)
  private int messageCount;

  @Column(name = "skipped_count", nullable = false)
  private int skippedCount;

  @Column(name = "imported_at")
  private OffsetDateTime importedAt;

  protected ChatImport() {}

  public ChatImport(UUID personaId, String format, String fileName, long sizeBytes) {
    this.id = UUID.randomUUID();
    this.personaId = personaId;
    this.format = format;
    this.fileName = fileName;
    this.sizeBytes = sizeBytes;
  }

  public void imported(int messages, int skipped, OffsetDateTime at) {
    this.messageCount = messages;
    this.skippedCount = skipped;
    this.importedAt = at;
  }

  /** When the import finished; empty while the upload is being imported. */
  public java.util.Optional<OffsetDateTime> importedAt() {
    return java.util.Optional.ofNullable(importedAt);
  }

  public UUID id() {
    return id;
  }

  public UUID personaId() {
    return personaId;
  }

  /** The name the owner uploaded the file under (never a path of the server's). */
  public String fileName() {
    return fileName;
  }

  public String format() {
    return format;
  }

  public int messageCount() {
    return messageCount;
  }
}
