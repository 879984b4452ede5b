package io.personastudio.infrastructure.telegram;

import io.personastudio.bot.port.ConversationMemory;
import io.personastudio.bot.port.Turn;
import io.personastudio.infrastructure.crypto.ContentCipher;
import io.personastudio.infrastructure.crypto.Sealed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The conversation log in {@code telegram_turn}, sealed like other chat content (AES-GCM bound to
 * the row id). Only the last {@link #KEPT} turns per chat and persona are kept. Texts this node
 * sealed or opened in the last minutes are not decrypted again ({@link OpenedTurns}).
 */
@ApplicationScoped
public class JdbcConversationMemory implements ConversationMemory {

  static final int KEPT = 40;

  @Inject TelegramDb db;

  @Inject ContentCipher cipher;

  private final OpenedTurns opened = new OpenedTurns();

  @Override
  public List<Turn> recent(long chatId, String personaId, int limit) {
    List<Turn> turns =
        db.with(
            "reading the conversation failed",
            c -> {
              try (PreparedStatement q =
                  c.prepareStatement(
                      "SELECT id, speaker, key_id, text_cipher FROM telegram_turn"
                          + " WHERE chat_id=? AND persona_id=? ORDER BY seq DESC LIMIT ?")) {
                q.setLong(1, chatId);
                q.setObject(2, UUID.fromString(personaId));
                q.setInt(3, limit);
                List<Turn> found = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                  while (rs.next()) {
                    found.add(new Turn(Turn.Speaker.valueOf(rs.getString(2)), text(rs)));
                  }
                }
                return found;
              }
            });
    Collections.reverse(turns);
    return turns;
  }

  /** A turn's text: known on this node, else decrypted (bound to the row id) and remembered. */
  private String text(ResultSet rs) throws SQLException {
    String id = rs.getString(1);
    String text = opened.get(id);
    if (text == null) {
      text = cipher.open(new Sealed(rs.getString(3), rs.getBytes(4)), id);
      opened.put(id, text);
    }
    return text;
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
    db.with(
        "storing the conversation failed",
        c -> {
          try (PreparedStatement appendAndTrim =
              c.prepareStatement(appendAndTrimSql(turns.size()))) {
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
              // a rolled-back row never comes back from a query: its id is never asked for
              opened.put(id.toString(), turn.text());
            }
            appendAndTrim.setLong(p++, chatId);
            appendAndTrim.setObject(p++, persona);
            appendAndTrim.setLong(p++, chatId);
            appendAndTrim.setObject(p++, persona);
            appendAndTrim.setInt(p, Math.max(0, KEPT - turns.size()));
            return appendAndTrim.executeUpdate();
          }
        });
  }

  private static String appendAndTrimSql(int turns) {
    return "WITH added AS (INSERT INTO telegram_turn"
        + " (id, chat_id, persona_id, speaker, key_id, text_cipher, created_at) VALUES "
        + String.join(", ", Collections.nCopies(turns, "(?, ?, ?, ?, ?, ?, now())"))
        + ") DELETE FROM telegram_turn WHERE chat_id=? AND persona_id=? AND seq <="
        + " (SELECT seq FROM telegram_turn WHERE chat_id=? AND persona_id=?"
        + " ORDER BY seq DESC OFFSET ? LIMIT 1)";
  }

  @Override
  public void forget(long chatId, String personaId) {
    List<String> gone =
        db.with(
            "forgetting the conversation failed",
            c -> {
              try (PreparedStatement delete =
                  c.prepareStatement(
                      "DELETE FROM telegram_turn WHERE chat_id=? AND persona_id=? RETURNING id")) {
                delete.setLong(1, chatId);
                delete.setObject(2, UUID.fromString(personaId));
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = delete.executeQuery()) {
                  while (rs.next()) {
                    ids.add(rs.getString(1));
                  }
                }
                return ids;
              }
            });
    opened.forget(gone);
  }
}
