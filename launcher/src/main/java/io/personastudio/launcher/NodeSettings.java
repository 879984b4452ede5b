package io.personastudio.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A node's run-time configuration, read from environment variables (a system property of the same
 * name wins). Every default keeps the node on loopback.
 */
public record NodeSettings(
    int httpPort,
    String bindAddress,
    Path dataDir,
    Optional<DatabaseSettings> database,
    int embeddedDatabasePort,
    String clusterName,
    int clusterPort,
    String clusterMembers,
    ClusterDiscovery discovery,
    Path war,
    Path runtimeDir,
    Path workerJar,
    NodeSecrets secrets,
    String javaOptions) {

  /**
   * The settings in {@code environment}, with secrets given as {@code *_FILE} read in; a clustered
   * node without its shared keys is refused ({@link ConfigurationException} names the variable).
   */
  public static NodeSettings from(Map<String, String> environment, Path launcherHome) {
    Map<String, String> env = SecretFiles.resolve(environment);
    int clusterPort = intValue(env, "PERSONA_CLUSTER_PORT", 6900);
    String bind = env.getOrDefault("PERSONA_BIND_ADDRESS", "127.0.0.1").strip();
    String members =
        env.getOrDefault(
            "PERSONA_CLUSTER_MEMBERS", BindAddress.clusterInterface(bind) + ":" + clusterPort);
    ClusterDiscovery discovery =
        ClusterDiscovery.from(env.get("PERSONA_CLUSTER_DISCOVERY"), members);
    return new NodeSettings(
        intValue(env, "PERSONA_HTTP_PORT", 8080),
        bind,
        Path.of(env.getOrDefault("PERSONA_DATA_DIR", "data")).toAbsolutePath(),
        DatabaseSettings.fromEnvironment(env),
        intValue(env, "PERSONA_EMBEDDED_DB_PORT", 54329),
        env.getOrDefault("PERSONA_CLUSTER_NAME", "persona-studio"),
        clusterPort,
        members,
        discovery,
        Path.of(
                env.getOrDefault(
                    "PERSONA_WAR",
                    launcherHome.resolve("../../web-module/target/persona-studio.war").toString()))
            .toAbsolutePath()
            .normalize(),
        Path.of(env.getOrDefault("PERSONA_RUNTIME_DIR", launcherHome.resolve("runtime").toString()))
            .toAbsolutePath()
            .normalize(),
        Path.of(
                env.getOrDefault(
                    "PERSONA_ML_WORKER_JAR",
                    launcherHome.resolve("../../ml-module/target/persona-ml.jar").toString()))
            .toAbsolutePath()
            .normalize(),
        NodeSecrets.from(env, discovery.clustered()),
        env.getOrDefault("PERSONA_JAVA_OPTS", "-Xmx1g"));
  }

  /** Where HTTP listens: the bind address, or every interface of a container ({@code auto}). */
  public String httpAddress() {
    return BindAddress.http(bindAddress);
  }

  /** The one interface Hazelcast binds and announces. */
  public String clusterInterface() {
    return BindAddress.clusterInterface(bindAddress);
  }

  private static int intValue(Map<String, String> env, String name, int defaultValue) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(name + " must be a number, got '" + value + "'");
    }
  }
}
