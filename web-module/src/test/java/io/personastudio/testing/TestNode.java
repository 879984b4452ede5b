package io.personastudio.testing;

import io.personastudio.launcher.DatabaseSettings;
import io.personastudio.launcher.NodeSettings;
import io.personastudio.launcher.PayaraMicroNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A whole node started the way the product starts it (the launcher's Payara Micro process with the
 * shipped WAR), on its own ports, with its output in a log file the test can read.
 */
public final class TestNode implements AutoCloseable {

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
    int http = freePort();
    Map<String, String> env =
        Map.of(
            "PERSONA_HTTP_PORT", String.valueOf(http),
            "PERSONA_CLUSTER_PORT", String.valueOf(freePort()),
            "PERSONA_CLUSTER_NAME", "it-" + name,
            "PERSONA_WAR", war.toString(),
            "PERSONA_RUNTIME_DIR", System.getProperty("persona.it.runtimeDir"),
            "PERSONA_JAVA_OPTS", "-Xmx512m",
            // keys and files of a throw-away node stay in the build folder, never in the sources
            "PERSONA_DATA_DIR",
                Path.of(System.getProperty("persona.it.dir"), "node-" + name).toString());
    NodeSettings settings = NodeSettings.from(env, Path.of("."));
    Path log = Path.of(System.getProperty("persona.it.dir"), "node-" + name + ".log");
    Files.createDirectories(log.getParent());
    return new TestNode(PayaraMicroNode.start(settings, db, log), log, http);
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + "/" + path);
  }

  public String log() throws IOException {
    return Files.readString(log);
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
