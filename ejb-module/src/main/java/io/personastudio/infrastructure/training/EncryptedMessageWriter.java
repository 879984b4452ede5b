package io.personastudio.infrastructure.training;

import io.personastudio.application.training.TrainingRuns;
import io.personastudio.infrastructure.crypto.ContentCipher;
import io.personastudio.infrastructure.crypto.Sealed;
import io.personastudio.ml.chat.ChatMessage;
import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The import's writer: seals sender and text of each message with the content key (AES-256-GCM, key
 * id stored) and inserts a chunk in one JDBC batch, inside the chunk's transaction, so a chunk and
 * the reader's checkpoint commit together.
 */
@Named
@Dependent
public class EncryptedMessageWriter extends AbstractItemWriter {

  @Inject JobContext job;
  @Inject TrainingRuns runs;
  @Inject ContentCipher cipher;

  @Resource(lookup = "jdbc/persona")
  DataSource dataSource;

  private UUID importId;
  private UUID runId;

  @Override
  public void open(Serializable checkpoint) {
    runId = BatchParameters.runId(job);
    UUID personaId = runs.view(runId).orElseThrow().personaId();
    importId = runs.latestImport(personaId).orElseThrow().id();
  }

  @Override
  public void writeItems(List<Object> items) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO chat_message (import_id, seq, sender, sent_at, key_id, text_cipher)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Object item : items) {
        ImportedMessage read = (ImportedMessage) item;
        ChatMessage m = read.message();
        String row = importId + "/" + read.position();
        Sealed sender = cipher.seal(m.senderName(), row + "/sender");
        Sealed text = cipher.seal(m.text(), row);
        insert.setObject(1, importId);
        insert.setInt(2, Math.toIntExact(read.position()));
        insert.setBytes(3, sender.bytes());
        insert.setTimestamp(4, Timestamp.from(m.time()));
        insert.setString(5, text.keyId());
        insert.setBytes(6, text.bytes());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    runs.heartbeat(runId); // a long import must not look like a dead node to the supervisor
  }
}
