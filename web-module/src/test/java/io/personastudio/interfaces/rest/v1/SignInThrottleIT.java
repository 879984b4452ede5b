package io.personastudio.interfaces.rest.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.testing.AgainstShippedWar;
import io.personastudio.testing.web.Api;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sign-in throttle on a real node (its Hazelcast map): a stranger on another address
 * (127.0.0.2, still loopback) who keeps guessing waits, and the owner on 127.0.0.1 still signs in.
 */
class SignInThrottleIT extends AgainstShippedWar {

  @Test
  void aStrangersGuessesDoNotLockTheOwnerOut() throws Exception {
    String email = "owner-" + UUID.randomUUID() + "@example.org";
    Api owner = Api.anonymous(server);
    owner.post(
        "api/v1/accounts",
        Api.json(Map.of("email", email, "displayName", "Ana", "password", "violet-Sky-42")));
    String guess = Api.json(Map.of("email", email, "password", "guess-Guess-1"));

    int[] codes = new int[7];
    String last = "";
    for (int i = 0; i < codes.length; i++) {
      last = postFrom("127.0.0.2", "api/v1/auth/token", guess);
      codes[i] = Integer.parseInt(last.substring(9, 12));
    }

    assertThat(codes).containsExactly(401, 401, 401, 401, 401, 429, 429);
    assertThat(last).containsIgnoringCase("Retry-After: 30");
    assertThat(
            owner
                .post(
                    "api/v1/auth/token",
                    Api.json(Map.of("email", email, "password", "violet-Sky-42")))
                .statusCode())
        .as("the owner, from a client that has not failed")
        .isEqualTo(200);
    assertThat(
            postFrom(
                "127.0.0.2",
                "api/v1/auth/token",
                Api.json(Map.of("email", email, "password", "violet-Sky-42"))))
        .as("the stranger's client waits even with the right password")
        .startsWith("HTTP/1.1 429");
  }

  /** A bare HTTP/1.1 POST from a chosen loopback source address; the whole response as text. */
  private String postFrom(String source, String path, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
      socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + server.resolve(path).getRawPath()
                  + " HTTP/1.1\r\nHost: "
                  + server.getHost()
                  + ":"
                  + server.getPort()
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
