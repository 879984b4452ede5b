package io.personastudio.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.testing.Http;
import io.personastudio.testing.ShippedWar;
import io.personastudio.testing.TestDatabase;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registration over HTTP, checked in PostgreSQL: the round trip REST → EJB → JPA → database. */
@ExtendWith(ArquillianExtension.class)
class AccountRegistrationIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShippedWar.deployment();
  }

  @ArquillianResource URL base;

  private URI accounts;
  private String email;

  @BeforeEach
  void freshAddress() throws Exception {
    accounts = base.toURI().resolve("api/v1/accounts");
    email = "user-" + UUID.randomUUID() + "@example.org";
  }

  @Test
  void registeringStoresTheAccountWithAHashedPassword() throws Exception {
    HttpResponse<String> created = Http.postJson(accounts, body(email, "Ana", "violet-Sky-42"));

    assertThat(created.statusCode()).isEqualTo(202);
    assertThat(created.body()).contains("ACCEPTED").doesNotContain("violet-Sky-42");
    try (Connection db = TestDatabase.connect();
        PreparedStatement q =
            db.prepareStatement("SELECT display_name, password_hash FROM account WHERE email=?")) {
      q.setString(1, email);
      try (ResultSet row = q.executeQuery()) {
        assertThat(row.next()).as("account row stored").isTrue();
        assertThat(row.getString("display_name")).isEqualTo("Ana");
        assertThat(row.getString("password_hash"))
            .startsWith("PBKDF2WithHmacSHA256:210000:")
            .doesNotContain("violet-Sky-42");
      }
    }
  }

  @Test
  void aTakenAddressGetsTheSameAnswerAndItsAccountStaysAsItWas() throws Exception {
    HttpResponse<String> first = Http.postJson(accounts, body(email, "Ana", "violet-Sky-42"));
    String hash = hashOf(email);

    HttpResponse<String> again =
        Http.postJson(accounts, body(email.toUpperCase(), "Mallory", "other-Pass-99"));

    assertThat(again.statusCode()).isEqualTo(first.statusCode()).isEqualTo(202);
    assertThat(again.body()).isEqualTo(first.body()).doesNotContain("exists");
    assertThat(rowsFor(email)).isEqualTo(1);
    assertThat(hashOf(email)).as("the owner's password is unchanged").isEqualTo(hash);
  }

  @Test
  void aTakenAddressTakesAboutAsLongAsAFreeOne() throws Exception {
    Http.postJson(accounts, body(email, "Ana", "violet-Sky-42"));
    long[] free = new long[7];
    long[] taken = new long[7];
    for (int i = 0; i < free.length; i++) {
      long t0 = System.nanoTime();
      Http.postJson(
          accounts, body("timing-" + UUID.randomUUID() + "@example.org", "T", "violet-Sky-42"));
      long t1 = System.nanoTime();
      Http.postJson(accounts, body(email, "T", "violet-Sky-42"));
      long t2 = System.nanoTime();
      free[i] = t1 - t0;
      taken[i] = t2 - t1;
    }
    java.util.Arrays.sort(free);
    java.util.Arrays.sort(taken);

    // the password hash (PBKDF2, 210,000 rounds) dominates both; before, a taken address skipped it
    assertThat((double) taken[3] / free[3])
        .as("median taken %d ms vs free %d ms", taken[3] / 1_000_000, free[3] / 1_000_000)
        .isGreaterThan(0.6);
  }

  @Test
  void aWeakPasswordIsRefusedWithTheRuleAndNothingIsStored() throws Exception {
    HttpResponse<String> refused = Http.postJson(accounts, body(email, "Ana", "12345678901"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("letters with digits or symbols");
    assertThat(rowsFor(email)).isZero();
  }

  @Test
  void malformedJsonGetsAClearBadRequest() throws Exception {
    HttpResponse<String> refused = Http.postJson(accounts, "{\"email\": ");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("MALFORMED_JSON");
  }

  private static String body(String email, String name, String password) {
    return "{\"email\":\""
        + email
        + "\",\"displayName\":\""
        + name
        + "\",\"password\":\""
        + password
        + "\"}";
  }

  private static String hashOf(String email) throws Exception {
    try (Connection db = TestDatabase.connect();
        PreparedStatement q =
            db.prepareStatement("SELECT password_hash FROM account WHERE lower(email)=lower(?)")) {
      q.setString(1, email);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static int rowsFor(String email) throws Exception {
    try (Connection db = TestDatabase.connect();
        PreparedStatement q =
            db.prepareStatement("SELECT count(*) FROM account WHERE lower(email)=lower(?)")) {
      q.setString(1, email);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
