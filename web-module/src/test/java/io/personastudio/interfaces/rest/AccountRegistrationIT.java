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

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).get().asString().contains("/accounts/");
    assertThat(created.body()).contains(email).doesNotContain("violet-Sky-42");
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
  void theSameAddressInOtherCaseIsRefusedAsAConflict() throws Exception {
    Http.postJson(accounts, body(email, "Ana", "violet-Sky-42"));

    HttpResponse<String> again =
        Http.postJson(accounts, body(email.toUpperCase(), "Ana", "violet-Sky-42"));

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("CONFLICT").contains("exists");
    assertThat(rowsFor(email)).isEqualTo(1);
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
