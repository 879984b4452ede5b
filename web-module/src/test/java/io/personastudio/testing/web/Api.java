package io.personastudio.testing.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An API client as a third party would write one: JSON, multipart and a bearer token. */
public final class Api {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;
  private final String bearer;

  private Api(URI base, String bearer) {
    this.base = base;
    this.bearer = bearer;
  }

  /** Without a token. */
  public static Api anonymous(URI base) {
    return new Api(base, null);
  }

  public Api withToken(String token) {
    return new Api(base, token);
  }

  /** Registers a fresh account and signs it in; the answer carries its bearer token. */
  public static Api newUser(URI base, String name) throws IOException, InterruptedException {
    String email =
        name.toLowerCase().replaceAll("[^a-z]", "") + "-" + UUID.randomUUID() + "@example.org";
    String password = "violet-Sky-42";
    Api anonymous = anonymous(base);
    HttpResponse<String> registered =
        anonymous.post(
            "api/v1/accounts",
            json(Map.of("email", email, "displayName", name, "password", password)));
    if (registered.statusCode() != 202) {
      throw new IllegalStateException("registration: " + registered.body());
    }
    HttpResponse<String> token =
        anonymous.post("api/v1/auth/token", json(Map.of("email", email, "password", password)));
    return anonymous.withToken(field(token.body(), "accessToken"));
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
    return send(request(path).DELETE());
  }

  public HttpResponse<String> post(String path, String json)
      throws IOException, InterruptedException {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A multipart form: text fields and one file field named {@code file}. */
  public HttpResponse<String> upload(
      String path, Map<String, String> fields, String fileName, String content)
      throws IOException, InterruptedException {
    return upload(path, fields, fileName, content.getBytes(StandardCharsets.UTF_8));
  }

  /** A multipart form whose file is these bytes (any encoding, a zip). */
  public HttpResponse<String> upload(
      String path, Map<String, String> fields, String fileName, byte[] content)
      throws IOException, InterruptedException {
    String boundary = "----persona" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    body.append("--")
        .append(boundary)
        .append("\r\n")
        .append("Content-Disposition: form-data; name=\"file\"; filename=\"")
        .append(fileName)
        .append("\"\r\n")
        .append("Content-Type: text/plain\r\n\r\n");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.writeBytes(body.toString().getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(content);
    bytes.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())));
  }

  /**
   * A server-sent event stream: its lines as they arrive; the stream ends when the server ends it.
   */
  public HttpResponse<java.util.stream.Stream<String>> events(String path)
      throws IOException, InterruptedException {
    return CLIENT.send(
        request(path).header("Accept", "text/event-stream").GET().build(),
        HttpResponse.BodyHandlers.ofLines());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    return bearer == null ? b : b.header("Authorization", "Bearer " + bearer);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The account a bearer token names (its {@code sub} claim). */
  public static UUID subjectOf(String bearer) {
    String payload =
        new String(Base64.getUrlDecoder().decode(bearer.split("\\.")[1]), StandardCharsets.UTF_8);
    return UUID.fromString(field(payload, "sub"));
  }

  /** A string field of a flat JSON object (enough for these tests). */
  public static String field(String json, String name) {
    Matcher m =
        Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  public static String json(Map<String, String> fields) {
    StringBuilder out = new StringBuilder("{");
    fields.forEach(
        (k, v) -> {
          if (out.length() > 1) {
            out.append(',');
          }
          out.append('"')
              .append(k)
              .append("\":\"")
              .append(v.replace("\\", "\\\\").replace("\"", "\\\""))
              .append('"');
        });
    return out.append('}').toString();
  }
}
