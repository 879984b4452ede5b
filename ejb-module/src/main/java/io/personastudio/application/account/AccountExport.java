package io.personastudio.application.account;

import io.personastudio.domain.DomainException;
import io.personastudio.infrastructure.crypto.ContentCipher;
import io.personastudio.infrastructure.crypto.Sealed;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * "Download my data": the account, its personas with their chats (decrypted: they are the person's
 * own upload), training runs, model versions and access tokens, as one JSON document. Never a
 * password hash, a token hash or a model's bytes. Written while it is read, from one read-only
 * snapshot, so a large chat does not have to fit in memory.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccountExport {

  static final int FORMAT = 1;
  private static final int FETCH = 500;

  @Resource(lookup = "jdbc/persona")
  DataSource dataSource;

  @Inject ContentCipher cipher;

  /** Writes the account's data to {@code out}; refuses an unknown account before writing. */
  public void write(UUID accountId, OutputStream out) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      int isolation = c.getTransactionIsolation();
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (JsonGenerator json = Json.createGenerator(out)) {
        new Writer(c, json).account(accountId);
        c.commit();
      } finally {
        c.rollback();
        c.setTransactionIsolation(isolation);
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the account's data failed: " + e.getMessage(), e);
    }
  }

  /** One export: the generator and the snapshot it reads. */
  private final class Writer {

    private final Connection c;
    private final JsonGenerator json;

    Writer(Connection c, JsonGenerator json) {
      this.c = c;
      this.json = json;
    }

    void account(UUID id) throws SQLException {
      try (PreparedStatement q =
          c.prepareStatement("SELECT email, display_name, created_at FROM account WHERE id = ?")) {
        q.setObject(1, id);
        try (ResultSet rs = q.executeQuery()) {
          if (!rs.next()) {
            throw DomainException.notFound("No such account.");
          }
          json.writeStartObject().write("format", FORMAT).writeStartObject("account");
          json.write("id", id.toString())
              .write("email", rs.getString(1))
              .write("displayName", rs.getString(2));
          time("createdAt", rs, 3);
          json.writeEnd();
        }
      }
      json.writeStartArray("personas");
      for (UUID persona : personas(id)) {
        persona(persona);
      }
      json.writeEnd().writeEnd();
    }

    private List<UUID> personas(UUID owner) throws SQLException {
      List<UUID> ids = new ArrayList<>();
      try (PreparedStatement q =
          c.prepareStatement("SELECT id FROM persona WHERE owner_id = ? ORDER BY created_at")) {
        q.setObject(1, owner);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getObject(1, UUID.class));
          }
        }
      }
      return ids;
    }

    private void persona(UUID id) throws SQLException {
      json.writeStartObject();
      rows(
          "SELECT id, name, person, status, scrub, created_at, active_model_id FROM persona"
              + " WHERE id = ?",
          id,
          false,
          rs -> {
            json.write("id", rs.getString(1))
                .write("name", rs.getString(2))
                .write("person", rs.getString(3))
                .write("status", rs.getString(4))
                .write("scrubPersonalData", rs.getBoolean(5));
            time("createdAt", rs, 6);
            text("activeModel", rs, 7);
          });
      json.writeStartArray("chatImports");
      for (UUID chat : ids("SELECT id FROM chat_import WHERE persona_id = ?", id)) {
        chatImport(chat);
      }
      json.writeEnd().writeStartArray("trainingRuns");
      rows(
          "SELECT id, status, phase, percent, step, total_steps, loss, failure_reason, metrics,"
              + " queued_at, started_at, finished_at FROM training_run WHERE persona_id = ?"
              + " ORDER BY queued_at",
          id,
          true,
          rs -> {
            json.write("id", rs.getString(1))
                .write("status", rs.getString(2))
                .write("phase", rs.getString(3))
                .write("percent", rs.getDouble(4))
                .write("step", rs.getLong(5))
                .write("totalSteps", rs.getLong(6));
            if (rs.getObject(7) != null) {
              json.write("loss", rs.getDouble(7));
            }
            text("failureReason", rs, 8);
            text("metrics", rs, 9);
            time("queuedAt", rs, 10);
            time("startedAt", rs, 11);
            time("finishedAt", rs, 12);
          });
      json.writeEnd().writeStartArray("modelVersions");
      rows(
          "SELECT id, format_version, size_bytes, created_at, run_id FROM model_version"
              + " WHERE persona_id = ? ORDER BY created_at",
          id,
          true,
          rs -> {
            json.write("id", rs.getString(1))
                .write("formatVersion", rs.getInt(2))
                .write("sizeBytes", rs.getLong(3));
            time("createdAt", rs, 4);
            text("trainingRun", rs, 5);
          });
      json.writeEnd().writeStartArray("accessTokens");
      rows(
          "SELECT id, label, created_at, expires_at, last_used_at, revoked_at, telegram_user_id"
              + " FROM access_token WHERE persona_id = ? ORDER BY created_at",
          id,
          true,
          rs -> {
            json.write("id", rs.getString(1)).write("label", rs.getString(2));
            time("createdAt", rs, 3);
            time("expiresAt", rs, 4);
            time("lastUsedAt", rs, 5);
            time("revokedAt", rs, 6);
            if (rs.getObject(7) != null) {
              json.write("telegramUserId", rs.getLong(7));
            }
          });
      json.writeEnd().writeEnd();
    }

    private void chatImport(UUID id) throws SQLException {
      json.writeStartObject();
      rows(
          "SELECT i.format, i.file_name, i.size_bytes, i.message_count, i.skipped_count,"
              + " i.imported_at, c.given_at, c.statement FROM chat_import i"
              + " LEFT JOIN upload_consent c ON c.import_id = i.id WHERE i.id = ?",
          id,
          false,
          rs -> {
            json.write("id", id.toString())
                .write("format", rs.getString(1))
                .write("fileName", rs.getString(2))
                .write("sizeBytes", rs.getLong(3))
                .write("messageCount", rs.getInt(4))
                .write("skippedCount", rs.getInt(5));
            time("importedAt", rs, 6);
            time("consentGivenAt", rs, 7);
            text("consentStatement", rs, 8);
          });
      json.writeStartArray("messages");
      rows(
          "SELECT seq, sender, sent_at, key_id, text_cipher FROM chat_message"
              + " WHERE import_id = ? ORDER BY seq",
          id,
          true,
          rs -> {
            // the row id is the cipher's associated data: a row moved elsewhere does not open
            String row = id + "/" + rs.getInt(1);
            String key = rs.getString(4);
            json.write("seq", rs.getInt(1))
                .write("sender", cipher.open(new Sealed(key, rs.getBytes(2)), row + "/sender"));
            time("sentAt", rs, 3);
            json.write("text", cipher.open(new Sealed(key, rs.getBytes(5)), row));
          });
      json.writeEnd().writeEnd();
    }

    private List<UUID> ids(String sql, UUID parameter) throws SQLException {
      List<UUID> ids = new ArrayList<>();
      rows(sql, parameter, false, rs -> ids.add(rs.getObject(1, UUID.class)));
      return ids;
    }

    /**
     * Runs a query with one id parameter and hands each row to {@code each}, inside a JSON object
     * of its own when {@code ownObject} (an array element), else into the current object.
     */
    private void rows(String sql, UUID parameter, boolean ownObject, Row each) throws SQLException {
      try (PreparedStatement q = c.prepareStatement(sql)) {
        q.setObject(1, parameter);
        q.setFetchSize(FETCH);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            if (ownObject) {
              json.writeStartObject();
            }
            each.accept(rs);
            if (ownObject) {
              json.writeEnd();
            }
          }
        }
      }
    }

    private void time(String name, ResultSet rs, int column) throws SQLException {
      var at = rs.getObject(column, java.time.OffsetDateTime.class);
      if (at != null) {
        json.write(name, at.toString());
      }
    }

    private void text(String name, ResultSet rs, int column) throws SQLException {
      String value = rs.getString(column);
      if (value != null) {
        json.write(name, value);
      }
    }
  }

  /** One row of a query. */
  @FunctionalInterface
  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }
}
