package io.personastudio.interfaces.rest.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.testing.AgainstShippedWar;
import io.personastudio.testing.web.Api;
import io.personastudio.testing.web.Chats;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API over HTTP: deny by default, bearer tokens, and owners only, whatever id is tried. */
class ApiSecurityIT extends AgainstShippedWar {

  @Test
  void everyEndpointRefusesACallerWithoutAValidToken() throws Exception {
    Api anonymous = Api.anonymous(server);
    Api forged = anonymous.withToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");

    for (Api caller : List.of(anonymous, forged)) {
      assertThat(caller.get("api/v1/personas").statusCode()).isEqualTo(401);
      assertThat(caller.get("api/v1/runs/" + java.util.UUID.randomUUID()).statusCode())
          .isEqualTo(401);
      assertThat(
              caller
                  .post(
                      "api/v1/personas/" + java.util.UUID.randomUUID() + "/chat",
                      "{\"messages\":[\"hi\"]}")
                  .statusCode())
          .isEqualTo(401);
    }
  }

  @Test
  void aWrongPasswordGetsNoTokenAndRepeatedFailuresAreThrottled() throws Exception {
    Api user = Api.newUser(server, "Thea");
    String email = "nobody-" + java.util.UUID.randomUUID() + "@example.org";
    Api anonymous = Api.anonymous(server);

    HttpResponse<String> wrong =
        anonymous.post(
            "api/v1/auth/token", Api.json(Map.of("email", email, "password", "nope-nope-1")));
    for (int i = 0; i < 5; i++) {
      anonymous.post(
          "api/v1/auth/token", Api.json(Map.of("email", email, "password", "nope-nope-1")));
    }
    HttpResponse<String> throttled =
        anonymous.post(
            "api/v1/auth/token", Api.json(Map.of("email", email, "password", "nope-nope-1")));

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain("accessToken");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(user.get("api/v1/personas").statusCode()).isEqualTo(200);
  }

  @Test
  void anotherUserCannotReadChangeOrChatWithAPersonaByAnyId() throws Exception {
    Api ana = Api.newUser(server, "Ana");
    Api ben = Api.newUser(server, "Ben");
    HttpResponse<String> created =
        ana.upload(
            "api/v1/personas",
            Map.of("name", "Ana's persona", "person", "Ana", "consent", "true"),
            "chat.txt",
            Chats.whatsApp("Ben", "Ana", 60, "marmalade!"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String persona = Api.field(created.body(), "id");
    String run = Api.field(created.body(), "trainingRun");
    String token =
        Api.field(
            ana.post("api/v1/personas/" + persona + "/tokens", "{\"label\":\"phone\"}").body(),
            "id");

    assertThat(ben.get("api/v1/personas/" + persona).statusCode()).isEqualTo(404);
    assertThat(ben.get("api/v1/personas").body()).doesNotContain(persona);
    assertThat(ben.get("api/v1/runs/" + run).statusCode()).isEqualTo(404);
    assertThat(ben.get("api/v1/runs/" + run + "/loss").statusCode()).isEqualTo(404);
    assertThat(ben.post("api/v1/runs/" + run + "/cancel", "").statusCode()).isEqualTo(404);
    assertThat(
            ben.post("api/v1/personas/" + persona + "/chat", "{\"messages\":[\"hi\"]}")
                .statusCode())
        .isEqualTo(404);
    assertThat(ben.post("api/v1/personas/" + persona + "/retrain", "").statusCode()).isEqualTo(404);
    assertThat(ben.get("api/v1/personas/" + persona + "/tokens").statusCode()).isEqualTo(404);
    assertThat(ben.post("api/v1/personas/" + persona + "/tokens", "{}").statusCode())
        .isEqualTo(404);
    assertThat(ben.delete("api/v1/tokens/" + token).statusCode()).isEqualTo(404);
    assertThat(ben.delete("api/v1/personas/" + persona).statusCode()).isEqualTo(404);

    assertThat(ana.get("api/v1/personas/" + persona).statusCode()).isEqualTo(200);
    assertThat(ana.get("api/v1/runs/" + run).statusCode()).isEqualTo(200);
    assertThat(ana.get("api/v1/personas/" + persona + "/tokens").body())
        .contains(token)
        .contains("\"revoked\":false");
  }

  @Test
  void anXssPayloadInAnUploadedChatComesBackAsInertJson() throws Exception {
    Api ana = Api.newUser(server, "Ana");
    String payload = "<script>alert(1)</script>";
    String chat = Chats.whatsApp("Ben", payload, 40, "<img src=x onerror=alert(2)>");

    HttpResponse<String> participants =
        ana.upload("api/v1/personas/participants", Map.of(), "chat.txt", chat);
    HttpResponse<String> created =
        ana.upload(
            "api/v1/personas",
            Map.of("name", payload, "person", payload, "consent", "true"),
            "chat.txt",
            chat);

    assertThat(participants.statusCode()).as(participants.body()).isEqualTo(200);
    assertThat(participants.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/json");
    assertThat(participants.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(ana.get("api/v1/personas").body()).contains("alert(1)");
  }

  @Test
  void theOpenApiDocumentIsServed() throws Exception {
    URI root = URI.create(deployment.getProtocol() + "://" + deployment.getAuthority() + "/");
    HttpResponse<String> openapi = Api.anonymous(root).get("openapi");

    assertThat(openapi.statusCode()).isEqualTo(200);
    assertThat(openapi.body()).contains("/api/v1/personas");
  }
}
