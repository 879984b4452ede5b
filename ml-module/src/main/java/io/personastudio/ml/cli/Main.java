package io.personastudio.ml.cli;

import io.personastudio.ml.MlException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code java -jar persona-ml.jar COMMAND [options]}. Exit codes: 0 done, 1 bad input or failure
 * (one message on stderr), 2 wrong command line.
 */
public final class Main {
  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar persona-ml.jar COMMAND [options]",
          "  participants --input FILE [--chat NAME]",
          "  train --input FILE [--chat NAME] --person NAME_OR_ID --out MODEL [--seed N]"
              + " [--minutes N] [--scrub] [--progress-json] [--engine MXNet|PyTorch]",
          "  reply --model MODEL        JSON Lines on stdin: {\"context\": [...]} -> {\"reply\": ...}",
          "  rank --model MODEL         {\"context\": [...], \"candidates\": [...]} -> {\"scores\":"
              + " [...]}",
          "  evaluate --input FILE [--chat NAME] --person NAME_OR_ID [--test-fraction 0.2]"
              + " [--history TURNS] [--seed N] [--scrub] [--progress-json]",
          "  (train and evaluate stop, writing no result, when their stdin is a pipe that closes:"
              + " the parent is gone)",
          "  generate --out FILE [--format telegram|whatsapp] [--messages N | --megabytes N]"
              + " [--seed N]");
  private static final Set<String> NATIVE_COMMANDS = Set.of("train", "evaluate", "bench-loop");

  private Main() {}

  public static void main(String[] argv) {
    io.personastudio.ml.train.DjlEnvironment.secure();
    if (argv.length > 0
        && NATIVE_COMMANDS.contains(argv[0])
        && System.getenv("OMP_NUM_THREADS") == null) {
      System.exit(relaunchWithOneThread(argv));
    }
    System.exit(run(argv, System.in, System.out, System.err, StdinWatch.stdinIsPipe()));
  }

  /** Runs a command; returns the exit code. Used by tests in-process; stdin is not watched. */
  public static int run(String[] argv, InputStream in, PrintStream out, PrintStream err) {
    return run(argv, in, out, err, false);
  }

  /**
   * Runs a command; returns the exit code.
   *
   * @param watchStdin {@code train} and {@code evaluate} stop when {@code in} ends
   */
  static int run(
      String[] argv, InputStream in, PrintStream out, PrintStream err, boolean watchStdin) {
    if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("help")) {
      (argv.length == 0 ? err : out).println(USAGE);
      return argv.length == 0 ? 2 : 0;
    }
    try {
      Commands commands = new Commands(in, out, err, watchStdin);
      switch (argv[0]) {
        case "participants" -> commands.participants(argv);
        case "train" -> commands.train(argv);
        case "reply" -> commands.reply(argv);
        case "rank" -> commands.rank(argv);
        case "evaluate" -> commands.evaluate(argv);
        case "generate" -> commands.generate(argv);
        case "bench-loop" -> commands.benchLoop(argv);
        default -> throw new Args.UsageException("unknown command '" + argv[0] + "'");
      }
      out.flush();
      return 0;
    } catch (Args.UsageException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (MlException e) {
      out.flush();
      err.println("error: " + e.getMessage());
      return 1;
    } catch (OutOfMemoryError e) {
      err.println("error: out of memory; give the JVM more heap (-Xmx)");
      return 1;
    } catch (RuntimeException e) {
      err.println("error: unexpected failure: " + e);
      return 1;
    }
  }

  /**
   * OpenMP reads its thread count from the environment at load time, which a running JVM cannot
   * change: start a child JVM with OMP_NUM_THREADS=1 and the same class path and heap options.
   */
  private static int relaunchWithOneThread(String[] argv) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.add("-Dfile.encoding=" + StandardCharsets.UTF_8.name());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(argv));
    // stdin stays a pipe from this JVM, never written to: if this JVM dies, even of SIGKILL, the
    // child sees its stdin end and stops (StdinWatch); if our own stdin is a pipe that ends, the
    // child's is closed too
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("OMP_NUM_THREADS", "1");
    pb.environment().put("MKL_NUM_THREADS", "1");
    pb.environment().put("DJL_OFFLINE", "true");
    pb.environment().put("OPT_OUT_TRACKING", "true");
    try {
      Process child = pb.start();
      if (StdinWatch.stdinIsPipe()) {
        StdinWatch.start(System.in, () -> closeQuietly(child.getOutputStream()));
      }
      Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
      return child.waitFor();
    } catch (java.io.IOException e) {
      System.err.println("error: cannot start the training JVM: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static void closeQuietly(java.io.OutputStream stream) {
    try {
      stream.close();
    } catch (java.io.IOException e) {
      // the child is gone already
    }
  }
}
