package io.personastudio.infrastructure.telegram;

import io.personastudio.bot.port.Binding;
import io.personastudio.bot.port.ChatBindings;
import io.personastudio.bot.port.PersonaRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Chat bindings in {@code telegram_binding}; at most one active binding per chat. */
@ApplicationScoped
public class JdbcChatBindings implements ChatBindings {

  private static final String COLUMNS =
      "SELECT persona_id, persona_name, access_token_id FROM telegram_binding WHERE chat_id=?";

  @Inject TelegramDb db;

  @Override
  public List<Binding> bindings(long chatId) {
    return query(COLUMNS + " ORDER BY bound_at, persona_id", chatId);
  }

  @Override
  public Optional<Binding> active(long chatId) {
    return query(COLUMNS + " AND active", chatId).stream().findFirst();
  }

  @Override
  public void bind(long chatId, Binding binding) {
    UUID persona = UUID.fromString(binding.persona().id());
    db.with(
        "binding chat failed",
        c -> {
          deactivateAll(c, chatId);
          try (PreparedStatement upsert =
              c.prepareStatement(
                  "INSERT INTO telegram_binding"
                      + " (chat_id, persona_id, persona_name, access_token_id, active, bound_at)"
                      + " VALUES (?, ?, ?, ?, true, ?) ON CONFLICT (chat_id, persona_id) DO UPDATE"
                      + " SET persona_name=EXCLUDED.persona_name,"
                      + " access_token_id=EXCLUDED.access_token_id, active=true")) {
            upsert.setLong(1, chatId);
            upsert.setObject(2, persona);
            upsert.setString(3, binding.persona().name());
            upsert.setObject(4, UUID.fromString(binding.accessTokenId()));
            upsert.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
            return upsert.executeUpdate();
          }
        });
  }

  @Override
  public boolean switchTo(long chatId, String personaId) {
    return db.with(
        "switching persona failed",
        c -> {
          if (!exists(c, chatId, UUID.fromString(personaId))) {
            return false;
          }
          deactivateAll(c, chatId);
          activate(c, chatId, UUID.fromString(personaId));
          return true;
        });
  }

  @Override
  public void unbind(long chatId, String personaId) {
    db.with(
        "unbinding failed",
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM telegram_binding WHERE chat_id=? AND persona_id=? RETURNING active")) {
            delete.setLong(1, chatId);
            delete.setObject(2, UUID.fromString(personaId));
            boolean wasActive;
            try (ResultSet rs = delete.executeQuery()) {
              wasActive = rs.next() && rs.getBoolean(1);
            }
            if (wasActive) {
              try (PreparedStatement next =
                  c.prepareStatement(
                      "UPDATE telegram_binding SET active=true WHERE chat_id=? AND persona_id ="
                          + " (SELECT persona_id FROM telegram_binding WHERE chat_id=?"
                          + " ORDER BY bound_at, persona_id LIMIT 1)")) {
                next.setLong(1, chatId);
                next.setLong(2, chatId);
                next.executeUpdate();
              }
            }
            return null;
          }
        });
  }

  private List<Binding> query(String sql, long chatId) {
    return db.with(
        "reading bindings failed",
        c -> {
          try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, chatId);
            List<Binding> found = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
              while (rs.next()) {
                found.add(
                    new Binding(new PersonaRef(rs.getString(1), rs.getString(2)), rs.getString(3)));
              }
            }
            return found;
          }
        });
  }

  private static boolean exists(Connection c, long chatId, UUID persona) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement("SELECT 1 FROM telegram_binding WHERE chat_id=? AND persona_id=?")) {
      q.setLong(1, chatId);
      q.setObject(2, persona);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void deactivateAll(Connection c, long chatId) throws SQLException {
    try (PreparedStatement u =
        c.prepareStatement("UPDATE telegram_binding SET active=false WHERE chat_id=? AND active")) {
      u.setLong(1, chatId);
      u.executeUpdate();
    }
  }

  private static void activate(Connection c, long chatId, UUID persona) throws SQLException {
    try (PreparedStatement u =
        c.prepareStatement(
            "UPDATE telegram_binding SET active=true WHERE chat_id=? AND persona_id=?")) {
      u.setLong(1, chatId);
      u.setObject(2, persona);
      u.executeUpdate();
    }
  }
}
