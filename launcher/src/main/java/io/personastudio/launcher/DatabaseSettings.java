package io.personastudio.launcher;

import java.util.Map;
import java.util.Optional;

/** Where the node's PostgreSQL is and how to sign in; the password is never printed. */
public record DatabaseSettings(String jdbcUrl, String user, String password) {

  public DatabaseSettings {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new ConfigurationException(
          "PERSONA_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), got "
              + jdbcUrl);
    }
  }

  /** The configured external database, or empty when the embedded one should run. */
  public static Optional<DatabaseSettings> fromEnvironment(Map<String, String> env) {
    String url = env.get("PERSONA_DB_URL");
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new DatabaseSettings(
            url.strip(),
            env.getOrDefault("PERSONA_DB_USER", "persona"),
            env.getOrDefault("PERSONA_DB_PASSWORD", "")));
  }

  @Override
  public String toString() {
    return jdbcUrl + " as " + user;
  }
}
