package io.personastudio.infrastructure.training;

import io.personastudio.infrastructure.crypto.ContentCipher;
import io.personastudio.infrastructure.crypto.Sealed;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The imported messages of a chat, encrypted at rest (the import step's {@link
 * EncryptedMessageWriter} stores them). Export writes them back, decrypted, as a Telegram
 * single-chat export for the training worker.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MessageStore {

  private static final int BATCH = 500;

  @Resource(lookup = "jdbc/persona")
  DataSource dataSource;

  @Inject ContentCipher cipher;

  /** Removes what an earlier, interrupted attempt to import this chat stored. */
  public void forget(UUID importId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement d = c.prepareStatement("DELETE FROM chat_message WHERE import_id=?")) {
      d.setObject(1, importId);
      d.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Removing messages failed: " + e.getMessage(), e);
    }
  }

  /** How many messages of the import are stored. */
  public int count(UUID importId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT count(*) FROM chat_message WHERE import_id=?")) {
      q.setObject(1, importId);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Counting messages failed: " + e.getMessage(), e);
    }
  }

  /** Writes the import's messages, decrypted, as a Telegram export the ML unit reads. */
  public int exportForTraining(UUID importId, Path out) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT seq, sender, sent_at, key_id, text_cipher FROM chat_message"
                    + " WHERE import_id=? ORDER BY seq")) {
      q.setObject(1, importId);
      q.setFetchSize(BATCH);
      c.setAutoCommit(false); // PostgreSQL streams rows only inside a transaction
      try (ResultSet rs = q.executeQuery();
          Writer file = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        int n;
        try (TrainingExport export = new TrainingExport(file)) {
          while (rs.next()) {
            String row = importId + "/" + rs.getInt(1);
            String keyId = rs.getString(4);
            export.add(
                cipher.open(new Sealed(keyId, rs.getBytes(2)), row + "/sender"),
                rs.getTimestamp(3).toInstant(),
                cipher.open(new Sealed(keyId, rs.getBytes(5)), row));
          }
          n = export.count();
        }
        c.commit();
        return n;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading messages failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
