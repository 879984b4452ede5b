package io.personastudio.infrastructure.telegram;

import io.personastudio.bot.port.UpdateLedger;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Handled update ids and the polling offset. {@link #firstSeen} joins the update's transaction; an
 * insert that conflicts means a redelivery (no exception, so the transaction stays usable). The
 * prune after each poll finds old ids by {@code telegram_update_handled_ix} (V14): without it, it
 * scanned the whole table (7 days of ids) on every poll.
 */
@ApplicationScoped
public class JdbcUpdateLedger implements UpdateLedger {

  /** Handled ids are kept this long: far beyond Telegram's redelivery window (24 h). */
  private static final String KEEP = "7 days";

  @Resource(lookup = "jdbc/persona")
  DataSource db;

  @Override
  public boolean firstSeen(long updateId) {
    try (Connection c = db.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO telegram_update (update_id, handled_at) VALUES (?, ?)"
                    + " ON CONFLICT (update_id) DO NOTHING")) {
      insert.setLong(1, updateId);
      insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("recording update " + updateId + " failed", e);
    }
  }

  @Override
  public long nextOffset() {
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT next_offset FROM telegram_poll_offset WHERE id=1");
        ResultSet rs = q.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw new IllegalStateException("reading the polling offset failed", e);
    }
  }

  @Override
  public void confirmOffset(long nextOffset) {
    try (Connection c = db.getConnection()) {
      try (PreparedStatement u =
          c.prepareStatement(
              "UPDATE telegram_poll_offset SET next_offset=GREATEST(next_offset, ?) WHERE id=1")) {
        u.setLong(1, nextOffset);
        u.executeUpdate();
      }
      try (PreparedStatement prune =
          c.prepareStatement(
              "DELETE FROM telegram_update WHERE handled_at < now() - interval '" + KEEP + "'")) {
        prune.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("storing the polling offset failed", e);
    }
  }
}
