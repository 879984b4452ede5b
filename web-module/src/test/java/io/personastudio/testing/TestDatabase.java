package io.personastudio.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A direct connection to the database the server under test uses, to check what it stored. */
public final class TestDatabase {

  private TestDatabase() {}

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("persona.it.db.url"),
        System.getProperty("persona.it.db.user"),
        System.getProperty("persona.it.db.password"));
  }
}
