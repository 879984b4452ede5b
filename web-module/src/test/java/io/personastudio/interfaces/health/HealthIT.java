package io.personastudio.interfaces.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.testing.Http;
import io.personastudio.testing.ShippedWar;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class HealthIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShippedWar.deployment();
  }

  @ArquillianResource URL base;

  @Test
  void readyOnceTheDatabaseAnswersAndTheSchemaIsMigrated() throws Exception {
    HttpResponse<String> ready = Http.get(Http.root(base).resolve("health/ready"));

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body())
        .contains("\"name\":\"database\"")
        .contains("\"database\":\"reachable\"")
        .contains("MIGRATED");
  }

  @Test
  void liveReportsTheHeapOfTheNode() throws Exception {
    HttpResponse<String> live = Http.get(Http.root(base).resolve("health/live"));

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).contains("\"name\":\"node\"").contains("heapMaxMb");
  }
}
