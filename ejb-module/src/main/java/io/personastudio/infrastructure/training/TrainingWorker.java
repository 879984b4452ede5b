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

  /**
   * Starts a training worker; {@link #run(Started, Job, Consumer, BooleanSupplier)} supervises it.
   */
  public static Started start(Job job) throws IOException {
    return Started.of(command(job), ProcessBuilder.Redirect.DISCARD);
  }

  public static void run(Job job, Consumer<WorkerProgress> progress, BooleanSupplier cancelled)
      throws IOException, InterruptedException {
    run(start(job), job, progress, cancelled);
  }

  /**
   * Supervises a worker started for {@code job} (possibly while the import was still running) until
   * it ends; progress it reported before now arrives first (the newest line).
   */
  public static void run(
      Started worker, Job job, Consumer<WorkerProgress> progress, BooleanSupplier cancelled)
      throws IOException, InterruptedException {
    supervise(worker, job.minutes() + 2L, progress, cancelled);
  }

  /** Runs the CLI's {@code evaluate}; its JSON report lands in {@link Evaluation#report()}. */
  public static void evaluate(Evaluation job, long minutes, BooleanSupplier cancelled)
      throws IOException, InterruptedException {
    supervise(
        Started.of(command(job), ProcessBuilder.Redirect.to(job.report().toFile())),
        minutes,
        p -> {},
        cancelled);
  }

  private static void supervise(
      Started worker, long minutes, Consumer<WorkerProgress> progress, BooleanSupplier cancelled)
      throws InterruptedException {
    Process process = worker.process;
    worker.attach(progress);
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
      worker.reader.join(5_000);
      int exit = process.exitValue();
      if (exit > 128) {
        throw new Died("the training worker died (signal " + (exit - 128) + ")");
      }
      if (exit != 0) {
        throw new Failed(reason(exit, worker.lastLines));
      }
    } finally {
      worker.close();
    }
  }

  /**
   * A running worker process and the thread that reads its progress. Until someone supervises it,
   * the newest progress line waits for them.
   */
  public static final class Started implements AutoCloseable {
    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final Thread reader;
    private Consumer<WorkerProgress> progress;
    private WorkerProgress pending;

    private Started(Process process) {
      this.process = process;
      reader = new Thread(this::readProgress, "training-worker-stderr");
      reader.setDaemon(true);
    }

    static Started of(List<String> command, ProcessBuilder.Redirect out) throws IOException {
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out);
      builder.environment().put("DJL_OFFLINE", "true");
      builder.environment().put("OPT_OUT_TRACKING", "true");
      builder.environment().put("OMP_NUM_THREADS", "1");
      Started started = new Started(builder.start());
      started.reader.start();
      return started;
    }

    public boolean alive() {
      return process.isAlive();
    }

    /** Stops the worker if it still runs (it keeps its checkpoint file). */
    @Override
    public void close() throws InterruptedException {
      if (process.isAlive()) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }

    private synchronized void attach(Consumer<WorkerProgress> consumer) {
      progress = consumer;
      if (pending != null) {
        consumer.accept(pending);
        pending = null;
      }
    }

    private synchronized void deliver(WorkerProgress p) {
      if (progress == null) {
        pending = p;
      } else {
        progress.accept(p);
      }
    }

    private void readProgress() {
      try (BufferedReader err =
          new BufferedReader(
              new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = err.readLine(); line != null; line = err.readLine()) {
          WorkerProgress p = parse(line);
          if (p != null) {
            deliver(p);
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
