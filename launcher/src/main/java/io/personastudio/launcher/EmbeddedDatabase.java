package io.personastudio.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL 15 server of its own, for a machine where none is configured. Its data lives in the
 * given folder and survives restarts; it listens on loopback only.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  static final String DATABASE = "persona";

  /** Loopback connections are trusted; the pool still insists on some password. */
  private static final String TRUSTED = "postgres";

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts the server in {@code dataDir}, keeping its data from an earlier run unless {@code
   * clean}; port 0 picks a free port.
   */
  public static EmbeddedDatabase start(Path dataDir, int port, boolean clean) {
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(clean)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "200");
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedDatabase db = new EmbeddedDatabase(builder.start());
      db.createDatabaseIfMissing();
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start in " + dataDir, e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public DatabaseSettings settings() {
    return new DatabaseSettings(
        "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE, "postgres", TRUSTED);
  }

  private void createDatabaseIfMissing() {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            c.prepareStatement("SELECT 1 FROM pg_database WHERE datname=?")) {
      exists.setString(1, DATABASE);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement create = c.createStatement()) {
        create.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + DATABASE, e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not stop cleanly", e);
    }
  }
}
