package io.personastudio.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeSettingsTest {

  private final Path home = Path.of("/opt/persona/launcher/target");

  @Test
  void defaultsKeepTheNodeOnLoopbackWithAnEmbeddedDatabase() {
    NodeSettings settings = NodeSettings.from(Map.of(), home);

    assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(settings.clusterMembers()).isEqualTo("127.0.0.1:6900");
    assertThat(settings.httpPort()).isEqualTo(8080);
    assertThat(settings.database()).isEmpty();
    assertThat(settings.war())
        .isEqualTo(Path.of("/opt/persona/web-module/target/persona-studio.war"));
    assertThat(settings.runtimeDir()).isEqualTo(Path.of("/opt/persona/launcher/target/runtime"));
  }

  @Test
  void twoNodesOnOneHostListEachOtherAsClusterMembers() {
    Map<String, String> env = new HashMap<>(NodeSecrets.freshJwtKeys());
    env.put("PERSONA_CONTENT_KEYS", ContentKeyFile.fresh());
    env.put("PERSONA_CLUSTER_NAME", "pair");
    env.put("PERSONA_CLUSTER_PORT", "6911");
    env.put("PERSONA_CLUSTER_MEMBERS", "127.0.0.1:6910,127.0.0.1:6911");
    NodeSettings second = NodeSettings.from(env, home);

    assertThat(second.clusterName()).isEqualTo("pair");
    assertThat(second.clusterPort()).isEqualTo(6911);
    assertThat(second.discovery().clusterMode()).isEqualTo("tcpip:127.0.0.1:6910,127.0.0.1:6911");
  }

  @Test
  void aConfiguredDatabaseReplacesTheEmbeddedOne() {
    NodeSettings settings =
        NodeSettings.from(
            Map.of(
                "PERSONA_DB_URL", "jdbc:postgresql://db:5432/persona",
                "PERSONA_DB_USER", "app",
                "PERSONA_DB_PASSWORD", "secret"),
            home);

    assertThat(settings.database())
        .contains(new DatabaseSettings("jdbc:postgresql://db:5432/persona", "app", "secret"));
  }

  @Test
  void thePasswordNeverShowsInTheSettingsText() {
    DatabaseSettings db = new DatabaseSettings("jdbc:postgresql://db/persona", "app", "secret");

    assertThat(db.toString()).doesNotContain("secret").contains("app");
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(() -> NodeSettings.from(Map.of("PERSONA_HTTP_PORT", "80a"), home))
        .hasMessageContaining("PERSONA_HTTP_PORT")
        .hasMessageContaining("80a");
    assertThatThrownBy(() -> NodeSettings.from(Map.of("PERSONA_DB_URL", "jdbc:mysql://db/x"), home))
        .hasMessageContaining("PostgreSQL JDBC URL");
  }
}
