package io.personastudio.infrastructure.telegram;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The JDBC ports' connections: inside an update's transaction one pooled handle is bound to the
 * stripe's thread and every port uses it; outside one (the poller's offset, the web pages) each
 * call takes its own. Taking a handle from the pool costs about as much as the query it serves (the
 * pool looks the resource up, checks it out and, for the first use in a transaction, validates and
 * enlists it): a message's five port calls took five.
 */
@ApplicationScoped
public class TelegramDb {

  private static final ThreadLocal<Connection> BOUND = new ThreadLocal<>();

  @Resource(lookup = "jdbc/persona")
  DataSource db;

  /** JDBC work on one connection. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} on the connection bound to this thread, else on a handle of its own. */
  public <T> T with(SqlWork<T> work) throws SQLException {
    Connection bound = BOUND.get();
    if (bound != null) {
      return work.run(bound);
    }
    try (Connection c = db.getConnection()) {
      return work.run(c);
    }
  }

  /**
   * {@link #with(SqlWork)} for a port: a database failure becomes an {@link IllegalStateException}
   * saying what failed.
   */
  public <T> T with(String failure, SqlWork<T> work) {
    try {
      return with(work);
    } catch (SQLException e) {
      throw new IllegalStateException(failure, e);
    }
  }

  /**
   * Binds one handle to this thread while {@code work} runs; call it inside the transaction that
   * handle belongs to. A nested call (a transaction of its own) binds its own and restores the
   * outer one.
   */
  public <T> T bound(Supplier<T> work) {
    Connection outer = BOUND.get();
    try (Connection c = db.getConnection()) {
      BOUND.set(c);
      return work.get();
    } catch (SQLException e) {
      throw new IllegalStateException("no database connection for the update", e);
    } finally {
      if (outer == null) {
        BOUND.remove();
      } else {
        BOUND.set(outer);
      }
    }
  }
}
