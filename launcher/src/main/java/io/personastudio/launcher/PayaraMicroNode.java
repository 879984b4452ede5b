package io.personastudio.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro in a child JVM running the WAR, with the JDBC driver on the server class path and
 * the pool created by post-boot commands. Loopback only unless configured otherwise.
 */
public final class PayaraMicroNode implements AutoCloseable {

  private final Process process;
  private final Path workDir;

  private PayaraMicroNode(Process process, Path workDir) {
    this.process = process;
    this.workDir = workDir;
  }

  /** Starts a node whose output goes to this process's console. */
  public static PayaraMicroNode start(NodeSettings settings, DatabaseSettings db)
      throws IOException {
    return start(settings, db, null);
  }

  /** Starts a node whose output goes to {@code logFile}, or to the console when it is null. */
  public static PayaraMicroNode start(NodeSettings settings, DatabaseSettings db, Path logFile)
      throws IOException {
    return start(settings, db, logFile, Map.of());
  }

  /**
   * As {@link #start(NodeSettings, DatabaseSettings, Path)}, with more environment for the server
   * (application settings such as {@code PERSONA_TELEGRAM_*}; secrets stay off the command line).
   */
  public static PayaraMicroNode start(
      NodeSettings settings, DatabaseSettings db, Path logFile, Map<String, String> environment)
      throws IOException {
    requireFile(settings.war(), "the WAR (build it with ./mvnw package, or set PERSONA_WAR)");
    Path payara = requireFile(settings.runtimeDir().resolve("payara-micro.jar"), "Payara Micro");
    Path driver = requireFile(settings.runtimeDir().resolve("postgresql.jar"), "the JDBC driver");
    Path workDir = Files.createTempDirectory("persona-node-");
    Path postBoot = workDir.resolve("post-boot.asadmin");
    // the file holds the database password: readable by this user only, deleted at stop
    Files.createFile(
        postBoot,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(postBoot, PostBootCommands.forDatabase(db));
    Path preBoot =
        Files.write(workDir.resolve("pre-boot.asadmin"), PreBootCommands.forNode(settings));
    ProcessBuilder builder =
        new ProcessBuilder(command(settings, payara, driver, preBoot, postBoot));
    if (logFile == null) {
      builder.inheritIO();
    } else {
      builder.redirectErrorStream(true).redirectOutput(logFile.toFile());
    }
    builder.environment().putAll(environment);
    // secrets given as *_FILE reach the application as the values it reads
    Map<String, String> resolved = SecretFiles.resolve(builder.environment());
    builder.environment().clear();
    builder.environment().putAll(resolved);
    builder.environment().put("DJL_OFFLINE", "true");
    builder.environment().put("OPT_OUT_TRACKING", "true");
    builder.environment().put("OMP_NUM_THREADS", "1");
    // the keys travel in the child's environment only, never on a command line
    builder.environment().putAll(settings.secrets().serverEnvironment(settings.dataDir()));
    return new PayaraMicroNode(builder.start(), workDir);
  }

  /** The child JVM's command line: no secret on it (the content key goes in the environment). */
  static List<String> command(
      NodeSettings settings, Path payara, Path driver, Path preBoot, Path postBoot) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(settings.javaOptions().trim().split("\\s+")));
    command.addAll(
        List.of(
            "-DDJL_OFFLINE=true",
            "-Dai.djl.offline=true",
            "-DOPT_OUT_TRACKING=true",
            // where the application keeps its files and finds the training worker
            "-Dpersona.data.dir=" + settings.dataDir(),
            // Hazelcast listens on its one interface only, not on every address of the machine
            "-Dhazelcast.socket.bind.any=false",
            // a hung member (not dead: its sockets stay open) leaves the cluster after 10 s of
            // silence, not Hazelcast's default 60 s; its bot lock and sessions' backups move on
            "-Dhazelcast.heartbeat.interval.seconds=1",
            "-Dhazelcast.max.no.heartbeat.seconds=10",
            "-Dpersona.ml.worker-jar=" + settings.workerJar()));
    command.addAll(
        List.of(
            "-jar",
            payara.toString(),
            "--nohostaware",
            "--interfaces",
            settings.clusterInterface(),
            "--port",
            String.valueOf(settings.httpPort()),
            "--clustername",
            settings.clusterName(),
            "--clustermode",
            settings.discovery().clusterMode(),
            "--startport",
            String.valueOf(settings.clusterPort()),
            "--disablephonehome",
            "--addLibs",
            driver.toString(),
            "--prebootcommandfile",
            preBoot.toString(),
            "--postbootcommandfile",
            postBoot.toString(),
            "--deploy",
            settings.war() + ":/"));
    return command;
  }

  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  /** Ends the node at once (SIGKILL), as a crash would; {@link #close()} still cleans up. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
    try (var files = Files.walk(workDir)) {
      files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(PayaraMicroNode::delete);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      System.err.println("Could not delete " + path + ": " + e.getMessage());
    }
  }

  private static Path requireFile(Path path, String what) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException("Missing " + what + " at " + path);
    }
    return path;
  }
}
