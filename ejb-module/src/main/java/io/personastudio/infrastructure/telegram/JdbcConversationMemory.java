package io.personastudio.infrastructure.telegram;

import io.personastudio.bot.port.ConversationMemory;
import io.personastudio.bot.port.Turn;
import io.personastudio.infrastructure.crypto.ContentCipher;
import io.personastudio.infrastructure.crypto.Sealed;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The conversation log in {@code telegram_turn}, sealed like other chat content (AES-GCM bound to
 * the row id). Only the last {@link #KEPT} turns per chat and persona are kept.
 */
@ApplicationScoped
public class JdbcConversationMemory implements ConversationMemory {

  static final int KEPT = 40;

  @Resource(lookup = "jdbc/persona")
  DataSource db;

  @Inject ContentCipher cipher;

  @Override
  public List<Turn> recent(long chatId, String personaId, int limit) {
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT id, speaker, key_id, text_cipher FROM telegram_turn"
                    + " WHERE chat_id=? AND persona_id=? ORDER BY seq DESC LIMIT ?")) {
      q.setLong(1, chatId);
      q.setObject(2, UUID.fromString(personaId));
      q.setInt(3, limit);
      List<Turn> turns = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String text = cipher.open(new Sealed(rs.getString(3), rs.getBytes(4)), rs.getString(1));
          turns.add(new Turn(Turn.Speaker.valueOf(rs.getString(2)), text));
        }
      }
      Collections.reverse(turns);
      return turns;
    } catch (SQLException e) {
      throw new IllegalStateException("reading the conversation failed", e);
    }
  }

  /**
   * The turns and the trim in one statement, one round trip: the trim's sub-select sees the table
   * as it was before the insert (a data-modifying WITH is not visible to its outer statement), so
   * it keeps the newest {@code KEPT - turns.size()} older turns.
   */
  @Override
  public void append(long chatId, String personaId, List<Turn> turns) {
    if (turns.isEmpty()) {
      return;
    }
    UUID persona = UUID.fromString(personaId);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection c = db.getConnection();
        PreparedStatement appendAndTrim = c.prepareStatement(appendAndTrimSql(turns.size()))) {
      int p = 1;
      for (Turn turn : turns) {
        UUID id = UUID.randomUUID();
        Sealed sealed = cipher.seal(turn.text(), id.toString());
        appendAndTrim.setObject(p++, id);
        appendAndTrim.setLong(p++, chatId);
        appendAndTrim.setObject(p++, persona);
        appendAndTrim.setString(p++, turn.speaker().name());
        appendAndTrim.setString(p++, sealed.keyId());
        appendAndTrim.setBytes(p++, sealed.bytes());
        appendAndTrim.setObject(p++, now);
      }
      appendAndTrim.setLong(p++, chatId);
      appendAndTrim.setObject(p++, persona);
      appendAndTrim.setLong(p++, chatId);
      appendAndTrim.setObject(p++, persona);
      appendAndTrim.setInt(p, Math.max(0, KEPT - turns.size()));
      appendAndTrim.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("storing the conversation failed", e);
    }
  }

  private static String appendAndTrimSql(int turns) {
    return "WITH added AS (INSERT INTO telegram_turn"
        + " (id, chat_id, persona_id, speaker, key_id, text_cipher, created_at) VALUES "
        + String.join(", ", Collections.nCopies(turns, "(?, ?, ?, ?, ?, ?, ?)"))
        + ") DELETE FROM telegram_turn WHERE chat_id=? AND persona_id=? AND seq <="
        + " (SELECT seq FROM telegram_turn WHERE chat_id=? AND persona_id=?"
        + " ORDER BY seq DESC OFFSET ? LIMIT 1)";
  }

  @Override
  public void forget(long chatId, String personaId) {
    try (Connection c = db.getConnection();
        PreparedStatement delete =
            c.prepareStatement("DELETE FROM telegram_turn WHERE chat_id=? AND persona_id=?")) {
      delete.setLong(1, chatId);
      delete.setObject(2, UUID.fromString(personaId));
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("forgetting the conversation failed", e);
    }
  }
}
