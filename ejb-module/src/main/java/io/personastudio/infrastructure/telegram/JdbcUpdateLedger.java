package io.personastudio.infrastructure.telegram;

import io.personastudio.bot.port.UpdateLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Handled update ids and the polling offset. {@link #firstSeen} joins the update's transaction; an
 * insert that conflicts means a redelivery (no exception, so the transaction stays usable). A
 * stripe's batch records all its ids in one statement. The prune after each poll finds old ids by
 * {@code telegram_update_handled_ix} (V14): without it, it scanned the whole table (7 days of ids)
 * on every poll.
 */
@ApplicationScoped
public class JdbcUpdateLedger implements UpdateLedger {

  /** Handled ids are kept this long: far beyond Telegram's redelivery window (24 h). */
  private static final String KEEP = "7 days";

  @Inject TelegramDb db;

  @Override
  public boolean firstSeen(long updateId) {
    return firstSeen(List.of(updateId)).get(0);
  }

  /**
   * One {@code INSERT … SELECT unnest(?)}: the ids it inserted come back, the others were handled
   * before. An id twice in {@code updateIds} (sent again while in flight) is first seen once.
   */
  @Override
  public List<Boolean> firstSeen(List<Long> updateIds) {
    Set<Long> inserted =
        db.with(
            "recording updates " + updateIds + " failed",
            c -> {
              try (PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO telegram_update (update_id, handled_at)"
                          + " SELECT DISTINCT unnest(?::bigint[]), now()"
                          + " ON CONFLICT (update_id) DO NOTHING RETURNING update_id")) {
                Array ids = c.createArrayOf("bigint", updateIds.toArray());
                insert.setArray(1, ids);
                Set<Long> found = new HashSet<>();
                try (ResultSet rs = insert.executeQuery()) {
                  while (rs.next()) {
                    found.add(rs.getLong(1));
                  }
                }
                ids.free();
                return found;
              }
            });
    List<Boolean> first = new ArrayList<>(updateIds.size());
    for (long id : updateIds) {
      first.add(inserted.remove(id));
    }
    return first;
  }

  @Override
  public long nextOffset() {
    return db.with(
        "reading the polling offset failed",
        c -> {
          try (PreparedStatement q =
                  c.prepareStatement("SELECT next_offset FROM telegram_poll_offset WHERE id=1");
              ResultSet rs = q.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
          }
        });
  }

  @Override
  public void confirmOffset(long nextOffset) {
    db.with(
        "storing the polling offset failed",
        c -> {
          try (PreparedStatement u =
              c.prepareStatement(
                  "UPDATE telegram_poll_offset SET next_offset=GREATEST(next_offset, ?)"
                      + " WHERE id=1")) {
            u.setLong(1, nextOffset);
            u.executeUpdate();
          }
          try (PreparedStatement prune =
              c.prepareStatement(
                  "DELETE FROM telegram_update WHERE handled_at < now() - interval '"
                      + KEEP
                      + "'")) {
            return prune.executeUpdate();
          }
        });
  }
}
