package io.personastudio.infrastructure.telegram;

import io.personastudio.launcher.DatabaseSettings;
import io.personastudio.testing.Http;
import io.personastudio.testing.TestDatabase;
import io.personastudio.testing.TestNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Whole nodes with the bot configured the way an operator does it: PERSONA_TELEGRAM_* variables.
 */
final class TelegramNodes {

  /** A node's boot: ~15 s on a quiet machine, up to 148 s seen at a load of 25-30 on two cores. */
  static final Duration BOOT = Duration.ofMinutes(5);

  private TelegramNodes() {}

  /** The bot's settings as environment variables (the only names the server reads). */
  static Map<String, String> botEnvironment(String token, URI fakeApi, String mode) {
    Map<String, String> env = new HashMap<>();
    env.put("PERSONA_TELEGRAM_TOKEN", token);
    env.put("PERSONA_TELEGRAM_API_URL", fakeApi.toString());
    env.put("PERSONA_TELEGRAM_MODE", mode);
    return env;
  }

  static TestNode start(String name, DatabaseSettings db, Map<String, String> env)
      throws IOException {
    return TestNode.start(name, db, Path.of(System.getProperty("persona.it.war")), env);
  }

  static boolean ready(TestNode node) {
    try {
      return Http.get(node.uri("health/ready")).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static String log(TestNode node) {
    try {
      return node.log();
    } catch (IOException e) {
      return "";
    }
  }

  /** An empty database of its own on the test server, so no other test's bot data is seen. */
  static DatabaseSettings freshDatabase() throws Exception {
    String database = "telegram_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection admin = TestDatabase.connect();
        Statement sql = admin.createStatement()) {
      sql.execute("CREATE DATABASE " + database);
    }
    String url = System.getProperty("persona.it.db.url");
    return new DatabaseSettings(
        url.substring(0, url.lastIndexOf('/') + 1) + database,
        System.getProperty("persona.it.db.user"),
        System.getProperty("persona.it.db.password"));
  }
}
