package io.personastudio.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Counts rows of the node's database from a test that runs inside the node. */
public final class Rows {

  private Rows() {}

  /** The single number the query selects, e.g. a {@code count(*)}, with its parameters bound. */
  public static long count(DataSource db, String query, Object... parameters) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement statement = c.prepareStatement(query)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("No row from " + query);
        }
        return row.getLong(1);
      }
    }
  }
}
