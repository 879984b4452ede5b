package io.personastudio.interfaces.rest.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.personastudio.launcher.DatabaseSettings;
import io.personastudio.testing.Http;
import io.personastudio.testing.TestNode;
import io.personastudio.testing.web.Api;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two whole nodes in one Hazelcast cluster (TCP/IP on loopback): failed sign-ins on either count
 * once for both, so guessing behind a load balancer gets no more tries than on one node.
 */
class ClusterSignInThrottleIT {

  private static final Duration BOOT = Duration.ofMinutes(5);

  private TestNode first;
  private TestNode second;

  @AfterEach
  void stop() throws Exception {
    for (TestNode node : new TestNode[] {first, second}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  void failuresOnTwoNodesAddUp() throws Exception {
    DatabaseSettings db =
        new DatabaseSettings(
            System.getProperty("persona.it.db.url"),
            System.getProperty("persona.it.db.user"),
            System.getProperty("persona.it.db.password"));
    int portA = TestNode.freePort();
    int portB = TestNode.freePort();
    String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
    Path shared = Path.of(System.getProperty("persona.it.dir"), "node-signin-pair");
    first = TestNode.start("signin-a", db, war(), member(portA, members, shared));
    await().atMost(BOOT).pollInterval(Duration.ofSeconds(1)).until(() -> ready(first));
    second = TestNode.start("signin-b", db, war(), member(portB, members, shared));
    await().atMost(BOOT).pollInterval(Duration.ofSeconds(1)).until(() -> ready(second));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> second.log().contains("DG Size: 2"));

    String email = "pair-" + UUID.randomUUID() + "@example.org";
    Api a = Api.anonymous(first.uri(""));
    Api b = Api.anonymous(second.uri(""));
    a.post(
        "api/v1/accounts",
        Api.json(Map.of("email", email, "displayName", "Ana", "password", "violet-Sky-42")));
    String guess = Api.json(Map.of("email", email, "password", "guess-Guess-1"));
    int[] codes = new int[6];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = (i % 2 == 0 ? a : b).post("api/v1/auth/token", guess).statusCode();
    }

    assertThat(codes)
        .as("five failures over both nodes; the sixth attempt waits on either")
        .containsExactly(401, 401, 401, 401, 401, 429);
    assertThat(a.post("api/v1/auth/token", guess).statusCode()).isEqualTo(429);
    assertThat(b.post("api/v1/auth/token", guess).statusCode()).isEqualTo(429);
  }

  private static Path war() {
    return Path.of(System.getProperty("persona.it.war"));
  }

  private static Map<String, String> member(int clusterPort, String members, Path data) {
    Map<String, String> env = new HashMap<>();
    env.put("PERSONA_CLUSTER_NAME", "it-signin-pair");
    env.put("PERSONA_CLUSTER_PORT", String.valueOf(clusterPort));
    env.put("PERSONA_CLUSTER_MEMBERS", members);
    env.put("PERSONA_DATA_DIR", data.toString());
    return env;
  }

  private static boolean ready(TestNode node) {
    try {
      return Http.get(node.uri("health/ready")).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
