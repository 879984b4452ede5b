package io.personastudio.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one Persona Studio node until Ctrl-C: the configured database or an embedded one, then
 * Payara Micro with the WAR. Ctrl-C stops the node first, then the embedded database.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    NodeSettings settings;
    try {
      settings = NodeSettings.from(environment(), launcherHome());
    } catch (ConfigurationException e) {
      // one line naming the setting: what an operator reads in `docker logs`
      System.err.println("Persona Studio cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    Optional<EmbeddedDatabase> embedded =
        settings.database().isPresent()
            ? Optional.empty()
            : Optional.of(
                EmbeddedDatabase.start(
                    settings.dataDir().resolve("postgres"),
                    settings.embeddedDatabasePort(),
                    false));
    DatabaseSettings db = settings.database().orElseGet(() -> embedded.orElseThrow().settings());
    System.out.println(
        "Persona Studio: database "
            + db
            + (embedded.isPresent() ? " (embedded, data in " + settings.dataDir() + ")" : "")
            + "; starting on http://"
            + settings.httpAddress()
            + ":"
            + settings.httpPort()
            + "/");
    PayaraMicroNode node = PayaraMicroNode.start(settings, db);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    node.close();
                  } catch (Exception e) {
                    System.err.println("Stopping Payara Micro: " + e.getMessage());
                  }
                  embedded.ifPresent(EmbeddedDatabase::close);
                },
                "persona-stop"));
    int exit = node.waitFor();
    System.exit(exit);
  }

  /** Environment variables, overridden by system properties of the same name. */
  static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>(System.getenv());
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("PERSONA_"))
        .forEach(name -> env.put(name, System.getProperty(name)));
    return env;
  }

  /** The folder the launcher jar lies in (launcher/target when built from the repository). */
  static Path launcherHome() throws Exception {
    return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getParent();
  }
}
