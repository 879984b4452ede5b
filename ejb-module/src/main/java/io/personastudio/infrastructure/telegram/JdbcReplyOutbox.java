package io.personastudio.infrastructure.telegram;

import io.personastudio.bot.port.OutgoingMessage;
import io.personastudio.bot.port.ReplyOutbox;
import io.personastudio.bot.port.StoredMessage;
import io.personastudio.infrastructure.crypto.ContentCipher;
import io.personastudio.infrastructure.crypto.Sealed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The bot's outbox in {@code telegram_outbox} (V15), texts sealed like the conversation. {@link
 * #record} joins the update's transaction (one multi-row insert per transaction); the others run on
 * their own. Two nodes sweeping at once claim disjoint rows ({@code FOR UPDATE SKIP LOCKED}).
 * Leases are on the database's clock, so the nodes' clocks do not matter.
 */
@ApplicationScoped
public class JdbcReplyOutbox implements ReplyOutbox {

  private static final String LEASE_END = "now() + ? * interval '1 millisecond'";

  @Inject TelegramDb db;

  @Inject ContentCipher cipher;

  @Override
  public List<String> record(String owner, Duration lease, List<OutgoingMessage> messages) {
    if (messages.isEmpty()) {
      return List.of();
    }
    return db.with(
        "recording " + messages.size() + " replies failed",
        c -> {
          try (PreparedStatement insert = c.prepareStatement(insertSql(messages.size()))) {
            List<String> ids = new ArrayList<>(messages.size());
            int p = 1;
            for (OutgoingMessage message : messages) {
              UUID id = UUID.randomUUID();
              Sealed sealed = cipher.seal(message.text(), id.toString());
              insert.setObject(p++, id);
              insert.setLong(p++, message.chatId());
              insert.setString(p++, sealed.keyId());
              insert.setBytes(p++, sealed.bytes());
              insert.setString(p++, owner);
              insert.setLong(p++, lease.toMillis());
              ids.add(id.toString());
            }
            insert.executeUpdate();
            return ids;
          }
        });
  }

  private static String insertSql(int rows) {
    return "INSERT INTO telegram_outbox"
        + " (id, chat_id, key_id, text_cipher, lease_owner, lease_until, created_at) VALUES "
        + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, ?, " + LEASE_END + ", now())"));
  }

  @Override
  public void delivered(Collection<String> ids) {
    byIds(
        "removing " + ids.size() + " sent replies failed",
        "DELETE FROM telegram_outbox WHERE id = ANY(?::uuid[])",
        ids);
  }

  @Override
  public void release(Collection<String> ids, Duration after) {
    byIds(
        "giving back " + ids.size() + " replies failed",
        "UPDATE telegram_outbox SET lease_owner = '', lease_until = "
            + LEASE_END
            + " WHERE id = ANY(?::uuid[])",
        ids,
        after.toMillis());
  }

  /** Runs {@code sql} with {@code leading} parameters, then {@code ids} as one uuid array. */
  private void byIds(String failure, String sql, Collection<String> ids, Object... leading) {
    if (ids.isEmpty()) {
      return;
    }
    db.with(
        failure,
        c -> {
          try (PreparedStatement statement = c.prepareStatement(sql)) {
            int p = 1;
            for (Object parameter : leading) {
              statement.setObject(p++, parameter);
            }
            Array array = c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
            statement.setArray(p, array);
            int changed = statement.executeUpdate();
            array.free();
            return changed;
          }
        });
  }

  @Override
  public int discardOlderThan(Duration age) {
    return db.with(
        "discarding old replies failed",
        c -> {
          try (PreparedStatement discard =
              c.prepareStatement(
                  "DELETE FROM telegram_outbox"
                      + " WHERE created_at < now() - ? * interval '1 millisecond'")) {
            discard.setLong(1, age.toMillis());
            return discard.executeUpdate();
          }
        });
  }

  @Override
  public void renew(String owner, Duration lease) {
    db.with(
        "renewing the outbox leases failed",
        c -> {
          try (PreparedStatement renew =
              c.prepareStatement(
                  "UPDATE telegram_outbox SET lease_until = "
                      + LEASE_END
                      + " WHERE lease_owner = ?")) {
            renew.setLong(1, lease.toMillis());
            renew.setString(2, owner);
            return renew.executeUpdate();
          }
        });
  }

  @Override
  public List<StoredMessage> claimExpired(String owner, Duration lease, int limit) {
    return claim("lease_until < now()", null, owner, lease, limit);
  }

  @Override
  public List<StoredMessage> takeOver(String owner, Duration lease, int limit) {
    return claim("lease_owner <> ?", owner, owner, lease, limit);
  }

  /** Leases the oldest rows matching {@code condition} (one parameter, or none if null). */
  private List<StoredMessage> claim(
      String condition, String parameter, String owner, Duration lease, int limit) {
    record Claimed(long seq, StoredMessage message) {}
    List<Claimed> claimed =
        db.with(
            "claiming replies failed",
            c -> {
              try (PreparedStatement claim =
                  c.prepareStatement(
                      "WITH claimable AS (SELECT id FROM telegram_outbox WHERE "
                          + condition
                          + " ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED)"
                          + " UPDATE telegram_outbox o SET lease_owner = ?, lease_until = "
                          + LEASE_END
                          + " FROM claimable WHERE o.id = claimable.id"
                          + " RETURNING o.id, o.seq, o.chat_id, o.key_id, o.text_cipher")) {
                int p = 1;
                if (parameter != null) {
                  claim.setString(p++, parameter);
                }
                claim.setInt(p++, limit);
                claim.setString(p++, owner);
                claim.setLong(p, lease.toMillis());
                List<Claimed> rows = new ArrayList<>();
                try (ResultSet rs = claim.executeQuery()) {
                  while (rs.next()) {
                    String id = rs.getString(1);
                    String text = cipher.open(new Sealed(rs.getString(4), rs.getBytes(5)), id);
                    rows.add(
                        new Claimed(rs.getLong(2), new StoredMessage(id, rs.getLong(3), text)));
                  }
                }
                return rows;
              }
            });
    claimed.sort(Comparator.comparingLong(Claimed::seq));
    return claimed.stream().map(Claimed::message).toList();
  }
}
