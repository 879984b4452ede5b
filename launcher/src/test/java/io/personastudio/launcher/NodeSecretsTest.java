package io.personastudio.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeSecretsTest {

  private static final Map<String, String> PAIR = NodeSecrets.freshJwtKeys();
  private final Path home = Path.of("/opt/persona/launcher/target");

  @Test
  void aSecretFileBecomesTheVariable(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("db-password"), "s3cret\n");

    NodeSettings settings =
        NodeSettings.from(
            Map.of(
                "PERSONA_DB_URL",
                "jdbc:postgresql://db/persona",
                "PERSONA_DB_PASSWORD_FILE",
                file.toString()),
            home);

    assertThat(settings.database().orElseThrow().password()).isEqualTo("s3cret");
  }

  @Test
  void aVariableAndItsFileTogetherAreRefused(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("keys"), "k1:abc");

    assertThatThrownBy(
            () ->
                NodeSettings.from(
                    Map.of(
                        "PERSONA_CONTENT_KEYS",
                        "k1:abc",
                        "PERSONA_CONTENT_KEYS_FILE",
                        file.toString()),
                    home))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PERSONA_CONTENT_KEYS and PERSONA_CONTENT_KEYS_FILE");
  }

  @Test
  void aMissingSecretFileNamesItsVariable(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                NodeSettings.from(
                    Map.of("PERSONA_TELEGRAM_TOKEN_FILE", dir.resolve("nope").toString()), home))
        .hasMessageStartingWith("PERSONA_TELEGRAM_TOKEN_FILE names a file this node cannot read");
  }

  @Test
  void aClusteredNodeWithoutSharedKeysRefusesToStartNamingTheFirstMissing() {
    Map<String, String> env = new HashMap<>(clustered());
    env.remove("PERSONA_JWT_PUBLIC_KEY");

    assertThatThrownBy(() -> NodeSettings.from(env, home))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("PERSONA_JWT_PUBLIC_KEY is not set: a clustered node needs");
    env.remove("PERSONA_CONTENT_KEYS");
    assertThatThrownBy(() -> NodeSettings.from(env, home))
        .hasMessageStartingWith("PERSONA_CONTENT_KEYS is not set");
  }

  @Test
  void aClusteredNodeWithItsKeysStartsAndHandsThemToTheServerOnly() {
    NodeSettings settings = NodeSettings.from(clustered(), home);

    assertThat(settings.discovery().clustered()).isTrue();
    Map<String, String> server = settings.secrets().serverEnvironment(Path.of("/nowhere"));
    assertThat(server)
        .containsEntry("PERSONA_CONTENT_KEYS", "k1:c2VjcmV0")
        .containsEntry("PERSONA_JWT_PRIVATE_KEY", PAIR.get("PERSONA_JWT_PRIVATE_KEY").strip())
        .containsEntry("MP_JWT_VERIFY_PUBLICKEY", PAIR.get("PERSONA_JWT_PUBLIC_KEY").strip());
    assertThat(settings.toString()).doesNotContain("c2VjcmV0").doesNotContain("PRIVATE KEY-");
  }

  @Test
  void aPublicKeyOfAnotherPairIsRefused() {
    Map<String, String> env = new HashMap<>(clustered());
    env.put("PERSONA_JWT_PUBLIC_KEY", NodeSecrets.freshJwtKeys().get("PERSONA_JWT_PUBLIC_KEY"));

    assertThatThrownBy(() -> NodeSettings.from(env, home)).hasMessageContaining("are not one pair");
  }

  @Test
  void aSingleNodeMayGenerateItsKeys() {
    NodeSettings settings =
        NodeSettings.from(Map.of("PERSONA_CLUSTER_MEMBERS", "127.0.0.1:6900"), home);

    assertThat(settings.discovery().clustered()).isFalse();
    assertThat(settings.secrets().contentKeys()).isEmpty();
  }

  @Test
  void discoveryModesBecomePayaraClusterModes() {
    assertThat(ClusterDiscovery.from(null, "a:1,b:2").clusterMode()).isEqualTo("tcpip:a:1,b:2");
    assertThat(ClusterDiscovery.from("dns:persona-hz:6900", "x").clustered()).isTrue();
    assertThat(ClusterDiscovery.from("kubernetes:prod,persona-hz", "x").clusterMode())
        .isEqualTo("kubernetes:prod,persona-hz");
    assertThatThrownBy(() -> ClusterDiscovery.from("multicast", "x"))
        .hasMessageStartingWith("PERSONA_CLUSTER_DISCOVERY must be tcpip");
  }

  private static Map<String, String> clustered() {
    Map<String, String> env = new HashMap<>(PAIR);
    env.put("PERSONA_CLUSTER_MEMBERS", "127.0.0.1:6900,127.0.0.1:6901");
    env.put("PERSONA_CONTENT_KEYS", "k1:c2VjcmV0");
    return env;
  }
}
