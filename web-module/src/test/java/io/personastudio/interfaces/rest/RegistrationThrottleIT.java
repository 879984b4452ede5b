package io.personastudio.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.testing.AgainstShippedWar;
import io.personastudio.testing.web.Api;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Mass sign-ups from one client are cut off (its own deployment: the budget is per node). */
class RegistrationThrottleIT extends AgainstShippedWar {

  @Test
  void oneClientCannotOpenAccountsWithoutEnd() throws Exception {
    Api anonymous = Api.anonymous(server);
    int accepted = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < 30; i++) {
      last =
          anonymous.post(
              "api/v1/accounts",
              Api.json(
                  Map.of(
                      "email", "mass-" + UUID.randomUUID() + "@example.org",
                      "displayName", "Bot " + i,
                      "password", "violet-Sky-42")));
      if (last.statusCode() != 202) {
        break;
      }
      accepted++;
    }

    assertThat(accepted).as("the default allowance per client and hour").isEqualTo(20);
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
    assertThat(last.body()).contains("THROTTLED");
  }
}
