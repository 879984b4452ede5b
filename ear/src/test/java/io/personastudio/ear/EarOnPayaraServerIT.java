package io.personastudio.ear;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The EAR this build ships, deployed on a fresh Payara Server full domain against a real
 * PostgreSQL, checked from outside: health, registration over REST stored in the database, the
 * duplicate refused, and a clean deployment log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EarOnPayaraServerIT {

  @RegisterExtension static final PayaraServerDomain SERVER = new PayaraServerDomain();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final long STARTED = System.nanoTime();

  private static final String EMAIL = "x-" + UUID.randomUUID() + "@example.org";

  @Test
  @Order(1)
  void readyOnceTheDatabaseAnswersAndTheSchemaIsMigrated() throws Exception {
    URI health = SERVER.baseUri().resolve("health/ready");
    HttpResponse<String> ready = get(health);
    // the deployment has returned; give the readiness check a short grace to see the pool
    for (int i = 0; i < 30 && ready.statusCode() != 200; i++) {
      Thread.sleep(1000);
      ready = get(health);
    }

    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body()).contains("\"database\":\"reachable\"").contains("MIGRATED");
  }

  @Test
  @Order(2)
  void registeringStoresTheAccountWithAHashedPassword() throws Exception {
    HttpResponse<String> created = postJson(accounts(), body(EMAIL));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    assertThat(created.body()).doesNotContain("violet-Sky-42");
    try (Connection db = database();
        PreparedStatement q =
            db.prepareStatement("SELECT display_name, password_hash FROM account WHERE email=?")) {
      q.setString(1, EMAIL);
      try (ResultSet row = q.executeQuery()) {
        assertThat(row.next()).as("account row stored in PostgreSQL").isTrue();
        assertThat(row.getString("display_name")).isEqualTo("Ana");
        assertThat(row.getString("password_hash")).startsWith("PBKDF2WithHmacSHA256:210000:");
      }
    }
  }

  @Test
  @Order(3)
  void theSameAddressInUpperCaseGetsTheSameAnswerAndNoSecondAccount() throws Exception {
    HttpResponse<String> again = postJson(accounts(), body(EMAIL.toUpperCase()));

    assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
    try (Connection db = database();
        PreparedStatement q =
            db.prepareStatement("SELECT count(*) FROM account WHERE lower(email)=lower(?)")) {
      q.setString(1, EMAIL);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
  }

  @Test
  @Order(4)
  void theEarDeployedCleanlyAsAnEjbAndAWebModuleOnLoopback() throws Exception {
    String log = Files.readString(SERVER.serverLog(), StandardCharsets.ISO_8859_1);
    List<String> severe =
        log.lines().filter(line -> line.contains("[SEVERE]")).collect(Collectors.toList());

    assertThat(severe).as("SEVERE entries in %s", SERVER.serverLog()).isEmpty();
    assertThat(log)
        .contains(PayaraServerDomain.APP + " was successfully deployed")
        // the EJBs live in the EJB module of the EAR, not in the WAR
        .contains("java:global/persona-studio/persona-ejb/AccountService")
        .contains("Loading application [persona-studio#persona-web.war] at [/]")
        // the data grid member has the loopback address
        .containsPattern("DataGrid: .* Address: /127\\.0\\.0\\.1:");
  }

  @AfterAll
  static void measure() {
    SERVER.residentMb().ifPresent(mb -> SERVER.figure("server RSS after tests MB", mb));
    SERVER.figure(
        "tests incl. domain seconds",
        String.format("%.1f", (System.nanoTime() - STARTED) / 1_000_000_000.0));
  }

  private static URI accounts() {
    return SERVER.baseUri().resolve("api/v1/accounts");
  }

  private static String body(String email) {
    return "{\"email\":\"" + email + "\",\"displayName\":\"Ana\",\"password\":\"violet-Sky-42\"}";
  }

  private static Connection database() throws Exception {
    return DriverManager.getConnection(
        System.getProperty("persona.it.db.url"),
        System.getProperty("persona.it.db.user"),
        System.getProperty("persona.it.db.password"));
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> postJson(URI uri, String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
