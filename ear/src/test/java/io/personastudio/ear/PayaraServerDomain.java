package io.personastudio.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh Payara Server (full) domain for one test class: created from the unpacked distribution
 * with its own port base, kept on loopback (listeners, data grid, no phone-home), given the
 * PostgreSQL driver and the server-level pool, then the EAR is deployed. The domain is always
 * stopped after the tests, even when a step or a test failed; a shutdown hook kills it if the test
 * JVM itself is ended.
 *
 * <p>Reads system properties {@code persona.it.payaraHome}, {@code persona.it.jdbcDriver}, {@code
 * persona.it.ear}, {@code persona.it.portBase}, {@code persona.it.dir} (from failsafe) and {@code
 * persona.it.postBootFile} (from {@code IntegrationDatabase}).
 */
final class PayaraServerDomain implements BeforeAllCallback, AfterAllCallback {

  static final String DOMAIN = "persona-it";
  static final String APP = "persona-studio";

  private final Path payaraHome = Path.of(required("persona.it.payaraHome"));
  private final Path jdbcDriver = Path.of(required("persona.it.jdbcDriver"));
  private final Path ear = Path.of(required("persona.it.ear"));
  private final int portBase = Integer.getInteger("persona.it.portBase", 28000);
  private final Path workDir = Path.of(required("persona.it.dir")).resolve("payara-server");
  private final Path domainsDir = workDir.resolve("domains");
  private final Path domainDir = domainsDir.resolve(DOMAIN);
  private final Asadmin asadmin = new Asadmin(payaraHome, workDir.resolve("logs"));
  private final Map<String, String> figures = new LinkedHashMap<>();

  private Long serverPid;
  private Thread killOnExit;

  int adminPort() {
    return portBase + 48;
  }

  int httpPort() {
    return portBase + 80;
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + httpPort() + "/");
  }

  Path serverLog() {
    return domainDir.resolve("logs").resolve("server.log");
  }

  Asadmin.Result remote(Duration timeout, String... args) {
    return asadmin.remote(adminPort(), timeout, args);
  }

  /** Resident memory of the server process in MB, if it can be read. */
  Optional<Long> residentMb() {
    if (serverPid == null) {
      return Optional.empty();
    }
    try (Stream<String> lines = Files.lines(Path.of("/proc", serverPid.toString(), "status"))) {
      return lines
          .filter(l -> l.startsWith("VmRSS:"))
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024)
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  void figure(String name, Object value) {
    figures.put(name, String.valueOf(value));
    System.out.println("[ear-it] " + name + " = " + value);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    String postBoot = required("persona.it.postBootFile");
    killLeftOverServer();
    deleteTree(domainsDir);
    Files.createDirectories(domainsDir);

    Asadmin.Result created =
        asadmin
            .local(
                Duration.ofMinutes(2),
                "create-domain",
                "--nopassword",
                "--portbase",
                Integer.toString(portBase),
                "--domaindir",
                domainsDir.toString(),
                DOMAIN)
            .orFail();
    figure("create-domain seconds", seconds(created.took()));

    prepareDomainXml();
    Files.copy(
        jdbcDriver,
        domainDir.resolve("lib").resolve(jdbcDriver.getFileName()),
        StandardCopyOption.REPLACE_EXISTING);
    Path preBoot = writePreBootCommands();

    Asadmin.Result started =
        asadmin.local(
            Duration.ofMinutes(3),
            "start-domain",
            "--domaindir",
            domainsDir.toString(),
            "--prebootcommandfile",
            preBoot.toString(),
            "--postbootcommandfile",
            postBoot,
            DOMAIN);
    rememberServerPid();
    started.orFail();
    figure("start-domain seconds", seconds(started.took()));

    String phoneHome =
        remote(
                Duration.ofSeconds(60),
                "get",
                "configs.config.server-config.phone-home-runtime-configuration.enabled")
            .orFail()
            .output();
    if (!phoneHome.contains("enabled=false")) {
      throw new IllegalStateException("phone-home is not disabled: " + phoneHome);
    }
    remote(Duration.ofSeconds(60), "ping-connection-pool", "PersonaPool").orFail();

    Asadmin.Result deployed =
        remote(Duration.ofMinutes(4), "deploy", "--name", APP, ear.toString()).orFail();
    figure("deploy seconds", seconds(deployed.took()));
    residentMb().ifPresent(mb -> figure("server RSS after deploy MB", mb));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
    writeFigures();
  }

  /** Stops the domain: politely, then by asadmin's kill, then by the process id. */
  void stop() {
    if (!Files.isDirectory(domainDir)) {
      return;
    }
    Asadmin.Result stopped =
        asadmin.local(
            Duration.ofSeconds(90), "stop-domain", "--domaindir", domainsDir.toString(), DOMAIN);
    if (stopped.ok()) {
      figure("stop-domain seconds", seconds(stopped.took()));
    } else {
      asadmin.local(
          Duration.ofSeconds(60),
          "stop-domain",
          "--kill=true",
          "--domaindir",
          domainsDir.toString(),
          DOMAIN);
    }
    if (serverPid != null) {
      ProcessHandle.of(serverPid).ifPresent(ProcessHandle::destroyForcibly);
      serverPid = null;
    }
    if (killOnExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
      killOnExit = null;
    }
  }

  /**
   * Settings that must hold from the very first start, written into domain.xml: phone-home runs
   * once at start-up before any command could turn it off (a {@code set} in the pre-boot file does
   * not create the missing element), and the data grid must bind its socket to its interface only
   * (Hazelcast binds the wildcard address otherwise), which is a JVM option of the server.
   */
  private void prepareDomainXml() throws IOException {
    Path domainXml = domainDir.resolve("config").resolve("domain.xml");
    String xml = Files.readString(domainXml, StandardCharsets.UTF_8);
    String anchor = "<config name=\"server-config\">";
    int config = xml.indexOf(anchor);
    int firstJvmOption = xml.indexOf("<jvm-options>", config);
    if (config < 0 || firstJvmOption < 0 || xml.contains("<phone-home-runtime-configuration")) {
      throw new IllegalStateException("unexpected domain.xml layout in " + domainXml);
    }
    xml =
        xml.substring(0, firstJvmOption)
            + "<jvm-options>-Dhazelcast.socket.bind.any=false</jvm-options>\n        "
            + xml.substring(firstJvmOption);
    xml =
        xml.replace(
            anchor,
            anchor
                + "\n      <phone-home-runtime-configuration enabled=\"false\">"
                + "</phone-home-runtime-configuration>");
    Files.writeString(domainXml, xml, StandardCharsets.UTF_8);
  }

  /** Loopback only: listeners bound to 127.0.0.1 and the data grid on the loopback interface. */
  private Path writePreBootCommands() throws IOException {
    String listeners = "configs.config.server-config.network-config.network-listeners";
    String iiop = "configs.config.server-config.iiop-service.iiop-listener";
    List<String> commands = new ArrayList<>();
    commands.add("set hazelcast-runtime-configuration.interface=127.0.0.1");
    commands.add("set hazelcast-runtime-configuration.das-bind-address=127.0.0.1");
    commands.add("set hazelcast-runtime-configuration.das-public-address=127.0.0.1");
    for (String listener : List.of("http-listener-1", "http-listener-2", "admin-listener")) {
      commands.add("set " + listeners + ".network-listener." + listener + ".address=127.0.0.1");
    }
    for (String listener : List.of("orb-listener-1", "SSL", "SSL_MUTUALAUTH")) {
      commands.add("set " + iiop + "." + listener + ".address=127.0.0.1");
    }
    commands.add(
        "set configs.config.server-config.admin-service.jmx-connector.system.address=127.0.0.1");
    Path file = workDir.resolve("pre-boot.asadmin");
    Files.write(file, commands);
    return file;
  }

  private void rememberServerPid() {
    Path pidFile = domainDir.resolve("config").resolve("pid");
    try {
      if (Files.exists(pidFile)) {
        serverPid = Long.parseLong(Files.readString(pidFile).trim());
        long pid = serverPid;
        killOnExit =
            new Thread(() -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        Runtime.getRuntime().addShutdownHook(killOnExit);
      }
    } catch (IOException | NumberFormatException e) {
      System.out.println("[ear-it] cannot read the server pid: " + e);
    }
  }

  /** A domain left running by an aborted earlier run of this test (same folder) is ended. */
  private void killLeftOverServer() throws IOException {
    Path pidFile = domainDir.resolve("config").resolve("pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle.of(pid)
          .filter(p -> p.info().commandLine().orElse("").contains(domainDir.toString()))
          .ifPresent(
              p -> {
                System.out.println("[ear-it] ending left-over domain process " + pid);
                p.destroyForcibly();
                p.onExit().join();
              });
    } catch (NumberFormatException e) {
      // nothing to end
    }
  }

  private void writeFigures() throws IOException {
    StringBuilder text = new StringBuilder();
    figures.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
    Files.createDirectories(workDir);
    Files.writeString(workDir.resolve("figures.txt"), text, StandardCharsets.UTF_8);
  }

  private static String seconds(Duration d) {
    return String.format("%.1f", d.toMillis() / 1000.0);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + property + " is not set");
    }
    return value;
  }
}
