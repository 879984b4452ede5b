package io.personastudio.infrastructure.training;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Trains (and evaluates) in a separate JVM running the ML unit's command-line tool, so that a
 * native crash, an out-of-memory error or a hang of the engine never takes the node down, and MXNet
 * never loads in the server. Progress arrives as JSON lines on the worker's stderr.
 */
public final class TrainingWorker {

  private static final Logger LOG = Logger.getLogger(TrainingWorker.class.getName());

  /** How one worker is to train. */
  public record Job(
      Path workerJar,
      String heap,
      Path export,
      String person,
      Path modelOut,
      long seed,
      int minutes,
      boolean scrub) {}

  /** The worker ended without a model: its last words say why. */
  public static class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failed(String reason) {
      super(reason);
    }
  }

  /**
   * The worker died of a signal (killed, native crash): worth another attempt from its checkpoint.
   */
  public static final class Died extends Failed {
    private static final long serialVersionUID = 1L;

    Died(String reason) {
      super(reason);
    }
  }

  private TrainingWorker() {}

  /** How one worker is to evaluate: train on the earlier part of the chat, measure the later. */
  public record Evaluation(
      Path workerJar,
      String heap,
      Path export,
      String person,
      long seed,
      boolean scrub,
      Path report) {}

  public static void run(Job job, Consumer<WorkerProgress> progress, BooleanSupplier cancelled)
      throws IOException, InterruptedException {
    supervise(
        command(job), ProcessBuilder.Redirect.DISCARD, job.minutes() + 2L, progress, cancelled);
  }

  /** Runs the CLI's {@code evaluate}; its JSON report lands in {@link Evaluation#report()}. */
  public static void evaluate(Evaluation job, long minutes, BooleanSupplier cancelled)
      throws IOException, InterruptedException {
    supervise(
        command(job),
        ProcessBuilder.Redirect.to(job.report().toFile()),
        minutes,
        p -> {},
        cancelled);
  }

  private static void supervise(
      List<String> command,
      ProcessBuilder.Redirect out,
      long minutes,
      Consumer<WorkerProgress> progress,
      BooleanSupplier cancelled)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out);
    builder.environment().put("DJL_OFFLINE", "true");
    builder.environment().put("OPT_OUT_TRACKING", "true");
    builder.environment().put("OMP_NUM_THREADS", "1");
    Process process = builder.start();
    Deque<String> lastLines = new ArrayDeque<>();
    Thread reader =
        new Thread(() -> readProgress(process, progress, lastLines), "training-worker-stderr");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
    try {
      while (!process.waitFor(1, TimeUnit.SECONDS)) {
        if (cancelled.getAsBoolean()) {
          throw new Failed("cancelled");
        }
        if (System.nanoTime() > deadline) {
          throw new Failed("the training worker did not finish within " + minutes + " minutes");
        }
      }
      reader.join(5_000);
      int exit = process.exitValue();
      if (exit > 128) {
        throw new Died("the training worker died (signal " + (exit - 128) + ")");
      }
      if (exit != 0) {
        throw new Failed(reason(exit, lastLines));
      }
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  static List<String> command(Evaluation job) {
    List<String> command = java(job.workerJar(), job.heap());
    command.addAll(
        List.of(
            "evaluate",
            "--input",
            job.export().toString(),
            "--person",
            job.person(),
            "--seed",
            String.valueOf(job.seed()),
            "--progress-json"));
    if (job.scrub()) {
      command.add("--scrub"); // the figures describe the model the persona really got
    }
    return command;
  }

  private static List<String> java(Path workerJar, String heap) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx" + heap,
            "-XX:+ExitOnOutOfMemoryError",
            "-DDJL_OFFLINE=true",
            "-Dai.djl.offline=true",
            "-DOPT_OUT_TRACKING=true",
            "-jar",
            workerJar.toString()));
    return command;
  }

  static List<String> command(Job job) {
    List<String> command = java(job.workerJar(), job.heap());
    command.addAll(
        List.of(
            "train",
            "--input",
            job.export().toString(),
            "--person",
            job.person(),
            "--out",
            job.modelOut().toString(),
            "--seed",
            String.valueOf(job.seed()),
            "--minutes",
            String.valueOf(job.minutes()),
            "--progress-json"));
    if (job.scrub()) {
      command.add("--scrub");
    }
    return command;
  }

  private static void readProgress(
      Process process, Consumer<WorkerProgress> progress, Deque<String> lastLines) {
    try (BufferedReader err =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = err.readLine(); line != null; line = err.readLine()) {
        WorkerProgress p = parse(line);
        if (p != null) {
          progress.accept(p);
        } else if (!line.isBlank()) {
          synchronized (lastLines) {
            lastLines.addLast(line.strip());
            if (lastLines.size() > 5) {
              lastLines.removeFirst();
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warning("Reading the training worker's progress stopped: " + e.getMessage());
    }
  }

  /** A progress JSON line, or null for any other line. */
  static WorkerProgress parse(String line) {
    if (!line.startsWith("{")) {
      return null;
    }
    try {
      JsonObject o = JsonParser.parseString(line).getAsJsonObject();
      if (!o.has("event") || !"progress".equals(o.get("event").getAsString())) {
        return null;
      }
      return new WorkerProgress(
          o.get("step").getAsLong(),
          o.get("totalSteps").getAsLong(),
          o.get("loss").getAsFloat(),
          Math.round(o.get("etaSeconds").getAsDouble()));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String reason(int exit, Deque<String> lastLines) {
    synchronized (lastLines) {
      if (exit == 3) {
        return "the training worker ran out of memory";
      }
      return lastLines.isEmpty()
          ? "the training worker stopped with exit code " + exit
          : lastLines.peekLast();
    }
  }
}
