package io.personastudio.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs Payara Server's {@code asadmin} as an external process with a time limit. Each call writes
 * its whole output to its own file in the log folder; the process is always ended.
 */
final class Asadmin {

  /** What one call did: its exit code, its output and the file that keeps it. */
  record Result(List<String> command, int exitCode, String output, Path log, Duration took) {

    boolean ok() {
      return exitCode == 0;
    }

    Result orFail() {
      if (!ok()) {
        throw new IllegalStateException(
            "asadmin failed (exit "
                + exitCode
                + ", log "
                + log
                + "): "
                + String.join(" ", command)
                + "\n"
                + output);
      }
      return this;
    }
  }

  private final Path executable;
  private final Path logDir;
  private final AtomicInteger calls = new AtomicInteger();

  Asadmin(Path payaraHome, Path logDir) {
    this.executable = payaraHome.resolve("bin").resolve("asadmin");
    this.logDir = logDir;
  }

  /** A local command (create-domain, start-domain, stop-domain): no admin host or port. */
  Result local(Duration timeout, String... args) {
    List<String> command =
        new ArrayList<>(List.of("sh", executable.toString(), "--interactive=false"));
    command.addAll(List.of(args));
    return run(timeout, args[0], command);
  }

  /** A remote command sent to the running domain's admin listener on loopback. */
  Result remote(int adminPort, Duration timeout, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "sh",
                executable.toString(),
                "--interactive=false",
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(adminPort)));
    command.addAll(List.of(args));
    return run(timeout, args[0], command);
  }

  private Result run(Duration timeout, String name, List<String> command) {
    Path log = logDir.resolve(String.format("asadmin-%02d-%s.log", calls.incrementAndGet(), name));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    // asadmin and the server it starts run on the JDK of the tests, not whatever is on the PATH
    builder.environment().put("AS_JAVA", System.getProperty("java.home"));
    long start = System.nanoTime();
    try {
      Files.createDirectories(logDir);
      Process process = builder.start();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      String output = Files.readString(log, StandardCharsets.UTF_8);
      int exit = finished ? process.exitValue() : -1;
      if (!finished) {
        output += "\n[timed out after " + timeout + "]";
      }
      return new Result(command, exit, output, log, took);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File("/dev/null");
  }
}
