package io.personastudio.interfaces.rest.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.testing.AgainstShippedWar;
import io.personastudio.testing.web.Api;
import io.personastudio.testing.web.Member;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/account}: only ever the caller's own account, and only with a valid token. */
class AccountApiIT extends AgainstShippedWar {

  @Test
  void withoutAValidTokenNothingIsAnswered() throws Exception {
    Member ana = Member.register(server, "Ana");
    Api anonymous = Api.anonymous(server);
    Api forged = anonymous.withToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");

    for (Api caller : new Api[] {anonymous, forged}) {
      assertThat(caller.get("api/v1/account").statusCode()).isEqualTo(401);
      assertThat(caller.post("api/v1/account/password", passwords("x", "y")).statusCode())
          .isEqualTo(401);
    }
    assertThat(delete(null, ana.email()).statusCode()).isEqualTo(401);
    assertThat(delete("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", ana.email()).statusCode())
        .isEqualTo(401);
    assertThat(Member.count("account", "id", ana.id())).isEqualTo(1);
  }

  @Test
  void theExportHoldsMyPersonasButNeitherAnotherUsersNorAnySecret() throws Exception {
    Member ana = Member.register(server, "Ana");
    Member ben = Member.register(server, "Ben");
    ana.persona("Ana's aunt", "Aunt", "marmalade!");
    ben.persona("Ben's uncle", "Uncle", "sardines!");
    String token =
        Api.field(
            ana.api()
                .post("api/v1/personas/" + firstPersona(ana) + "/tokens", "{\"label\":\"phone\"}")
                .body(),
            "token");

    HttpResponse<String> mine = ana.api().get("api/v1/account");

    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.headers().firstValue("Content-Type")).get().asString().contains("json");
    assertThat(mine.body())
        .contains(ana.email(), "Ana's aunt", "\"label\":\"phone\"", "\"consentGivenAt\":")
        .doesNotContain("Ben's uncle", ben.email(), token, "password", "hash", "artifact");
  }

  @Test
  void aPasswordChangeNeedsTheCurrentPasswordAndTheRules() throws Exception {
    Member ana = Member.register(server, "Ana");
    String next = "amber-Moon-77";

    int wrongCurrent =
        ana.api().post("api/v1/account/password", passwords("not-my-pass-1", next)).statusCode();
    int weak =
        ana.api().post("api/v1/account/password", passwords(ana.password(), "short")).statusCode();
    int done =
        ana.api().post("api/v1/account/password", passwords(ana.password(), next)).statusCode();

    assertThat(wrongCurrent).isEqualTo(403);
    assertThat(weak).isEqualTo(400);
    assertThat(done).isEqualTo(204);
    assertThat(signIn(ana.email(), ana.password())).isEqualTo(401);
    assertThat(signIn(ana.email(), next)).isEqualTo(200);
  }

  @Test
  void aPasswordChangeVoidsEveryTokenIssuedBeforeIt() throws Exception {
    Member ana = Member.register(server, "Ana");
    Api otherDevice = Api.anonymous(server).withToken(token(ana.email(), ana.password()));
    assertThat(otherDevice.get("api/v1/account").statusCode()).isEqualTo(200);
    String next = "amber-Moon-77";

    int done =
        ana.api().post("api/v1/account/password", passwords(ana.password(), next)).statusCode();

    assertThat(done).isEqualTo(204);
    assertThat(ana.api().get("api/v1/account").statusCode())
        .as("the token that changed the password")
        .isEqualTo(401);
    assertThat(otherDevice.get("api/v1/account").statusCode()).isEqualTo(401);
    assertThat(otherDevice.get("api/v1/personas").statusCode()).isEqualTo(401);
    Api signedInAgain = Api.anonymous(server).withToken(token(ana.email(), next));
    assertThat(signedInAgain.get("api/v1/account").statusCode()).isEqualTo(200);
    assertThat(signedInAgain.get("api/v1/personas").statusCode()).isEqualTo(200);
  }

  @Test
  void anotherUserCannotDeleteMyAccountAndADeletedAccountsTokenOpensNothing() throws Exception {
    Member ana = Member.register(server, "Ana");
    Member ben = Member.register(server, "Ben");
    UUID anasPersona = ana.persona("Ana's aunt", "Aunt", "marmalade!");
    UUID bensPersona = ben.persona("Ben's uncle", "Uncle", "sardines!");

    int bensTryWithAnasAddress = delete(ben.bearer(), ana.email()).statusCode();
    assertThat(bensTryWithAnasAddress).isEqualTo(400);
    assertThat(ben.api().get("api/v1/account").body()).doesNotContain("Ana's aunt");
    assertThat(Member.count("account", "id", ana.id())).isEqualTo(1);
    assertThat(Member.count("account", "id", ben.id())).isEqualTo(1);

    int deleted = delete(ana.bearer(), ana.email().toUpperCase()).statusCode();

    assertThat(deleted).isEqualTo(204);
    assertThat(ana.rowsLeft()).isEmpty();
    assertThat(Member.count("persona", "id", anasPersona)).isZero();
    assertThat(ana.api().get("api/v1/account").statusCode()).isEqualTo(401);
    assertThat(ana.api().get("api/v1/personas/" + anasPersona).statusCode())
        .as("a token whose account is gone is nobody's")
        .isEqualTo(401);
    assertThat(signIn(ana.email(), ana.password())).isEqualTo(401);
    assertThat(Member.count("persona", "id", bensPersona)).isEqualTo(1);
    assertThat(ben.api().get("api/v1/personas/" + bensPersona).statusCode()).isEqualTo(200);
  }

  private static String passwords(String current, String next) {
    return Api.json(Map.of("currentPassword", current, "newPassword", next));
  }

  private int signIn(String email, String password) throws Exception {
    return Api.anonymous(server)
        .post("api/v1/auth/token", Api.json(Map.of("email", email, "password", password)))
        .statusCode();
  }

  private String token(String email, String password) throws Exception {
    HttpResponse<String> response =
        Api.anonymous(server)
            .post("api/v1/auth/token", Api.json(Map.of("email", email, "password", password)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Api.field(response.body(), "accessToken");
  }

  private static String firstPersona(Member m) throws Exception {
    return Api.field(m.api().get("api/v1/personas").body(), "id");
  }

  private HttpResponse<String> delete(String bearer, String confirmEmail) throws Exception {
    Api caller = bearer == null ? Api.anonymous(server) : Api.anonymous(server).withToken(bearer);
    return caller.delete(
        "api/v1/account?confirmEmail=" + URLEncoder.encode(confirmEmail, StandardCharsets.UTF_8));
  }
}
