package io.personastudio.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Asks the pool for a connection and says, in one line, what keeps the database from answering. */
public final class DatabaseProbe {

  private static final int VALID_TIMEOUT_SECONDS = 3;

  private DatabaseProbe() {}

  /** Empty when the database answers; otherwise the reason, without a stack trace. */
  public static Optional<String> problem(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(VALID_TIMEOUT_SECONDS)
          ? Optional.empty()
          : Optional.of("the connection did not answer within " + VALID_TIMEOUT_SECONDS + " s");
    } catch (SQLException e) {
      return Optional.of(rootMessage(e));
    }
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    return message.strip().replaceAll("\\s+", " ");
  }
}
