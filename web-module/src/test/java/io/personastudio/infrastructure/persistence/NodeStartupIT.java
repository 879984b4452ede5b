package io.personastudio.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.personastudio.launcher.DatabaseSettings;
import io.personastudio.launcher.EmbeddedDatabase;
import io.personastudio.testing.Http;
import io.personastudio.testing.ShippedWar;
import io.personastudio.testing.TestDatabase;
import io.personastudio.testing.TestNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;

/** How a whole node behaves when its database is missing, or its schema cannot be migrated. */
class NodeStartupIT {

  // Payara Micro boots in ~10 s on a quiet machine; 133 s was seen at a load of 15-30 on 2 cores
  private static final Duration BOOT = Duration.ofSeconds(240);

  @Test
  void aNodeStartsWithoutItsDatabaseSaysWhyAndBecomesReadyWhenItComes() throws Exception {
    int dbPort = TestNode.freePort();
    DatabaseSettings absent =
        new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + dbPort + "/persona", "postgres", "x");
    try (TestNode node = TestNode.start("no-db", absent)) {
      await()
          .atMost(BOOT)
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> body(node, "health/ready").contains("unreachable"));
      HttpResponse<String> down = Http.get(node.uri("health/ready"));
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).contains("WAITING_FOR_DATABASE").contains("refused");

      Path dir = Path.of(System.getProperty("persona.it.dir"), "late-db-" + UUID.randomUUID());
      try (EmbeddedDatabase late = EmbeddedDatabase.start(dir, dbPort, true)) {
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> Http.get(node.uri("health/ready")).statusCode() == 200);
        assertThat(body(node, "health/ready")).contains("MIGRATED");
        // read while the database still runs: once it stops, the training supervisor's next
        // tick rightly logs the refused connection
        assertThat(node.log()).doesNotContain("EclipseLink-4002");
      }
    }
  }

  @Test
  void aWrongPasswordIsSaidOnceWithoutStackTracesAndHealsWhenItIsRight() throws Exception {
    Path dir = Path.of(System.getProperty("persona.it.dir"), "pw-db-" + UUID.randomUUID());
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0, true)) {
      String url = "jdbc:postgresql://127.0.0.1:" + db.port() + "/persona";
      try (Connection admin = DriverManager.getConnection(url, "postgres", "postgres");
          Statement sql = admin.createStatement()) {
        sql.execute("CREATE ROLE app LOGIN PASSWORD 'the-right-one'");
        sql.execute("GRANT ALL ON SCHEMA public TO app");
        // the embedded server trusts loopback; make it check this role's password
        Files.writeString(
            dir.resolve("pg_hba.conf"),
            "host all app 127.0.0.1/32 scram-sha-256\n"
                + "host all all 127.0.0.1/32 trust\n"
                + "local all all trust\n");
        sql.execute("SELECT pg_reload_conf()");
      }
      try (TestNode node =
          TestNode.start("wrong-password", new DatabaseSettings(url, "app", "a-wrong-one"))) {
        await()
            .atMost(BOOT)
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> body(node, "health/ready").contains("password authentication failed"));
        Thread.sleep(12_000); // two more attempts of the migration and of readiness

        String log = node.log();
        assertThat(occurrences(log, "password authentication failed")).isEqualTo(1);
        assertThat(log).doesNotContain("\tat org.postgresql").doesNotContain("EclipseLink-4002");

        try (Connection admin = DriverManager.getConnection(url, "postgres", "postgres");
            Statement sql = admin.createStatement()) {
          sql.execute("ALTER ROLE app PASSWORD 'a-wrong-one'");
        }
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> Http.get(node.uri("health/ready")).statusCode() == 200);
      }
    }
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      count++;
    }
    return count;
  }

  @Test
  void aFailedMigrationStopsTheDeploymentAndNamesTheMigration() throws Exception {
    Path war = warWithMigration("V999__broken_for_test.sql", "CREATE TABLE broken (id int,);");
    try (TestNode node = TestNode.start("broken-migration", freshDatabase(), war)) {
      await()
          .atMost(BOOT)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> node.log().contains("Deployed 0 archive") || node.log().contains("ready in"));

      assertThat(node.log())
          .contains("Schema migration failed")
          .contains("V999__broken_for_test.sql")
          .contains("syntax error");
      assertThat(Http.get(node.uri("api/v1/accounts")).statusCode()).isEqualTo(404);
      assertThat(Http.get(node.uri("health/ready")).statusCode()).isEqualTo(503);
    }
  }

  /** The shipped WAR with one more migration in WEB-INF/classes. */
  private static Path warWithMigration(String name, String sql) {
    Path war = Path.of(System.getProperty("persona.it.dir"), "with-" + name + ".war");
    ShippedWar.deployment()
        .addAsResource(new StringAsset(sql), "db/migration/" + name)
        .as(ZipExporter.class)
        .exportTo(war.toFile(), true);
    return war;
  }

  /** An empty database of its own on the test server. */
  private static DatabaseSettings freshDatabase() throws Exception {
    String database = "node_" + UUID.randomUUID().toString().replace("-", "");
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

  private static String body(TestNode node, String path) {
    try {
      return Http.get(node.uri(path)).body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
