package io.personastudio.infrastructure.training;

import com.google.gson.stream.JsonWriter;
import io.personastudio.infrastructure.crypto.ContentCipher;
import io.personastudio.infrastructure.crypto.Sealed;
import io.personastudio.ml.chat.ChatImporter;
import io.personastudio.ml.chat.ChatMessage;
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
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The imported messages of a chat, encrypted at rest. Import streams the upload into the table in
 * batches (bounded memory); a failed import removes what it wrote. Export writes them back,
 * decrypted, as a Telegram single-chat export for the training worker.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MessageStore {

  private static final int BATCH = 500;
  private static final DateTimeFormatter TELEGRAM_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  @Resource(lookup = "jdbc/persona")
  DataSource dataSource;

  @Inject ContentCipher cipher;

  /** What an import stored. */
  public record ImportCount(int stored, int skipped) {}

  public ImportCount importChat(UUID importId, Path upload) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO chat_message (import_id, seq, sender, sent_at, key_id, text_cipher)"
                  + " VALUES (?, ?, ?, ?, ?, ?)")) {
        int[] counts = new int[2];
        new ChatImporter()
            .stream(
                upload,
                null,
                m -> {
                  if (m.forwarded() || m.media() && m.text().isBlank()) {
                    counts[1]++;
                    return;
                  }
                  add(insert, importId, counts[0]++, m);
                  if (counts[0] % BATCH == 0) {
                    flush(c, insert);
                  }
                });
        flush(c, insert);
        return new ImportCount(counts[0], counts[1]);
      } catch (RuntimeException | SQLException e) {
        c.rollback();
        delete(c, importId);
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Storing messages failed: " + e.getMessage(), e);
    }
  }

  private void add(PreparedStatement insert, UUID importId, int seq, ChatMessage m) {
    String row = importId + "/" + seq;
    Sealed sender = cipher.seal(m.senderName(), row + "/sender");
    Sealed text = cipher.seal(m.text(), row);
    try {
      insert.setObject(1, importId);
      insert.setInt(2, seq);
      insert.setBytes(3, sender.bytes());
      insert.setTimestamp(4, Timestamp.from(m.time()));
      insert.setString(5, text.keyId());
      insert.setBytes(6, text.bytes());
      insert.addBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void flush(Connection c, PreparedStatement insert) {
    try {
      insert.executeBatch();
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("Storing messages failed: " + e.getMessage(), e);
    }
  }

  private static void delete(Connection c, UUID importId) throws SQLException {
    try (PreparedStatement d = c.prepareStatement("DELETE FROM chat_message WHERE import_id=?")) {
      d.setObject(1, importId);
      d.executeUpdate();
      c.commit();
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
          Writer file = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
          JsonWriter json = new JsonWriter(file)) {
        json.beginObject().name("name").value("persona").name("type").value("private_group");
        json.name("id").value(1).name("messages").beginArray();
        int n = 0;
        while (rs.next()) {
          String row = importId + "/" + rs.getInt(1);
          String keyId = rs.getString(4);
          String sender = cipher.open(new Sealed(keyId, rs.getBytes(2)), row + "/sender");
          json.beginObject()
              .name("id")
              .value(++n)
              .name("type")
              .value("message")
              .name("date")
              .value(TELEGRAM_DATE.format(rs.getTimestamp(3).toInstant().atOffset(ZoneOffset.UTC)))
              .name("from")
              .value(sender)
              .name("from_id")
              .value("user" + Integer.toHexString(sender.hashCode()))
              .name("text")
              .value(cipher.open(new Sealed(keyId, rs.getBytes(5)), row))
              .endObject();
        }
        json.endArray().endObject();
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
