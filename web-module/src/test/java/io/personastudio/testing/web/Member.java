package io.personastudio.testing.web;

import io.personastudio.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** A registered account whose e-mail and password the test knows, with its API client. */
public record Member(UUID id, String email, String password, String bearer, Api api) {

  public static final String PASSWORD = "violet-Sky-42";

  public static Member register(URI base, String name) throws IOException, InterruptedException {
    String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
    Api anonymous = Api.anonymous(base);
    HttpResponse<String> registered =
        anonymous.post(
            "api/v1/accounts",
            Api.json(Map.of("email", email, "displayName", name, "password", PASSWORD)));
    if (registered.statusCode() != 202) {
      throw new IllegalStateException("registration: " + registered.body());
    }
    HttpResponse<String> token =
        anonymous.post("api/v1/auth/token", Api.json(Map.of("email", email, "password", PASSWORD)));
    String bearer = Api.field(token.body(), "accessToken");
    return new Member(Api.subjectOf(bearer), email, PASSWORD, bearer, anonymous.withToken(bearer));
  }

  /** Uploads a small WhatsApp chat in which {@code person} always ends with {@code line}. */
  public UUID persona(String name, String person, String line)
      throws IOException, InterruptedException {
    HttpResponse<String> created =
        api.upload(
            "api/v1/personas",
            Map.of("name", name, "person", person, "consent", "true"),
            "chat.txt",
            Chats.whatsApp("Other", person, 60, line));
    if (created.statusCode() != 201) {
      throw new IllegalStateException("persona: " + created.body());
    }
    return UUID.fromString(Api.field(created.body(), "id"));
  }

  /** Whether the persona's chat has been imported (its messages are in the database). */
  public static boolean imported(UUID persona) throws SQLException {
    try (Connection c = TestDatabase.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT count(*) FROM chat_import WHERE persona_id = ? AND imported_at IS NOT NULL")) {
      q.setObject(1, persona);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1) > 0;
      }
    }
  }

  /** Rows that still belong to the account, table by table (only non-zero counts). */
  public Map<String, Integer> rowsLeft() throws SQLException {
    String personas = "(SELECT id FROM persona WHERE owner_id = ?)";
    Map<String, String> queries =
        Map.of(
            "account", "SELECT count(*) FROM account WHERE id = ?",
            "persona", "SELECT count(*) FROM persona WHERE owner_id = ?",
            "training_run", "SELECT count(*) FROM training_run WHERE owner_id = ?",
            "access_token", "SELECT count(*) FROM access_token WHERE owner_id = ?",
            "upload_consent", "SELECT count(*) FROM upload_consent WHERE account_id = ?",
            "chat_import", "SELECT count(*) FROM chat_import WHERE persona_id IN " + personas,
            "model_version", "SELECT count(*) FROM model_version WHERE persona_id IN " + personas);
    Map<String, Integer> left = new java.util.TreeMap<>();
    try (Connection c = TestDatabase.connect()) {
      for (Map.Entry<String, String> q : queries.entrySet()) {
        try (PreparedStatement s = c.prepareStatement(q.getValue())) {
          s.setObject(1, id);
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            if (rs.getInt(1) > 0) {
              left.put(q.getKey(), rs.getInt(1));
            }
          }
        }
      }
    }
    return left;
  }

  /** How many rows of {@code table} have {@code column} = {@code value}. */
  public static int count(String table, String column, UUID value) throws SQLException {
    try (Connection c = TestDatabase.connect();
        PreparedStatement q =
            c.prepareStatement("SELECT count(*) FROM " + table + " WHERE " + column + " = ?")) {
      q.setObject(1, value);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
