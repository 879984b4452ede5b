package io.personastudio.testing;

import io.personastudio.launcher.ContentKeyFile;
import io.personastudio.launcher.DatabaseSettings;
import io.personastudio.launcher.NodeSecrets;
import io.personastudio.launcher.NodeSettings;
import io.personastudio.launcher.PayaraMicroNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A whole node started the way the product starts it (the launcher's Payara Micro process with the
 * shipped WAR), on its own ports, with its output in a log file the test can read.
 */
public final class TestNode implements AutoCloseable {

  private static final Map<String, String> SHARED_KEYS = sharedKeys();

  private final PayaraMicroNode node;
  private final Path log;
  private final int httpPort;

  private TestNode(PayaraMicroNode node, Path log, int httpPort) {
    this.node = node;
    this.log = log;
    this.httpPort = httpPort;
  }

  public static TestNode start(String name, DatabaseSettings db) throws IOException {
    return start(name, db, Path.of(System.getProperty("persona.it.war")));
  }

  public static TestNode start(String name, DatabaseSettings db, Path war) throws IOException {
    return start(name, db, war, Map.of());
  }

  /**
   * A node with more settings: {@code PERSONA_*} launcher variables in {@code environment} replace
   * the test defaults (e.g. a shared cluster name, member list and data folder for a pair of
   * nodes), and every entry also reaches the server's environment (e.g. {@code
   * PERSONA_TELEGRAM_*}).
   */
  public static TestNode start(
      String name, DatabaseSettings db, Path war, Map<String, String> environment)
      throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("PERSONA_HTTP_PORT", String.valueOf(freePort()));
    env.put("PERSONA_CLUSTER_PORT", String.valueOf(freePort()));
    env.put("PERSONA_CLUSTER_NAME", "it-" + name);
    env.put("PERSONA_WAR", war.toString());
    env.put("PERSONA_RUNTIME_DIR", System.getProperty("persona.it.runtimeDir"));
    env.put("PERSONA_JAVA_OPTS", "-Xmx512m");
    // keys and files of a throw-away node stay in the build folder, never in the sources
    env.put(
        "PERSONA_DATA_DIR",
        Path.of(System.getProperty("persona.it.dir"), "node-" + name).toString());
    env.putAll(environment);
    // nodes of one test JVM share one identity, as the nodes of a deployment do
    SHARED_KEYS.forEach(env::putIfAbsent);
    NodeSettings settings = NodeSettings.from(env, Path.of("."));
    Path log = Path.of(System.getProperty("persona.it.dir"), "node-" + name + ".log");
    Files.createDirectories(log.getParent());
    return new TestNode(
        PayaraMicroNode.start(settings, db, log, environment), log, settings.httpPort());
  }

  /** Kills the node's process at once (SIGKILL), as a crash would. */
  public void kill() throws InterruptedException {
    node.kill();
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + "/" + path);
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  private static Map<String, String> sharedKeys() {
    Map<String, String> keys = new HashMap<>(NodeSecrets.freshJwtKeys());
    keys.put("PERSONA_CONTENT_KEYS", ContentKeyFile.fresh());
    return Map.copyOf(keys);
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    node.close();
  }
}
