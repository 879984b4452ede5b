package io.personastudio.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayaraMicroNodeTest {

  private final NodeSettings settings =
      NodeSettings.from(
          Map.of(
              "PERSONA_DATA_DIR", "/srv/persona/data",
              "PERSONA_ML_WORKER_JAR", "/srv/persona/persona-ml.jar",
              "PERSONA_HTTP_PORT", "18080",
              "PERSONA_CONTENT_KEYS", "k1:c2VjcmV0"),
          Path.of("/opt/persona/launcher/target"));

  private final List<String> command =
      PayaraMicroNode.command(
          settings,
          Path.of("/rt/payara-micro.jar"),
          Path.of("/rt/postgresql.jar"),
          Path.of("/w/pre"),
          Path.of("/w/pb"));

  @Test
  void theApplicationLearnsWhereItsDataAndTrainingWorkerAre() {
    assertThat(command)
        .contains("-Dpersona.data.dir=/srv/persona/data")
        .contains("-Dpersona.ml.worker-jar=/srv/persona/persona-ml.jar");
  }

  @Test
  void theNodeStaysOnItsConfiguredLoopbackPortWithoutPhoningHome() {
    assertThat(command).containsSequence("--interfaces", "127.0.0.1");
    assertThat(command).containsSequence("--port", "18080");
    assertThat(command).contains("--disablephonehome");
    assertThat(command).contains("-Dhazelcast.socket.bind.any=false");
    assertThat(command).contains("-Dhazelcast.max.no.heartbeat.seconds=10");
    assertThat(PreBootCommands.forNode(settings))
        .singleElement()
        .asString()
        .endsWith("http-listener.address=127.0.0.1");
    assertThat(command)
        .containsSequence("--deploy", "/opt/persona/web-module/target/persona-studio.war:/");
  }

  @Test
  void theContentKeyNeverAppearsOnTheCommandLine() {
    assertThat(String.join(" ", command)).doesNotContain("c2VjcmV0");
  }
}
