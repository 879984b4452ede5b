package io.personastudio.ml.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches the standard input of {@code train} and {@code evaluate}, which read nothing from it: a
 * server starts the tool with stdin as a pipe it never writes to, so the end of that pipe means the
 * process that started the tool is gone (the kernel closes its end even after SIGKILL), and the
 * work must stop rather than run on as an orphan. Only a pipe or socket is watched: a terminal,
 * {@code /dev/null} or a file on stdin says nothing about a parent.
 */
final class StdinWatch {
  private static final Path STDIN_LINK = Path.of("/proc/self/fd/0");

  private final AtomicBoolean ended = new AtomicBoolean();

  private StdinWatch() {}

  /** A watch that never fires (stdin is not a pipe, or the caller gave its own stream). */
  static StdinWatch none() {
    return new StdinWatch();
  }

  /** Drains {@code in} on a daemon thread; {@code onEnd} runs once it ends. */
  static StdinWatch start(InputStream in, Runnable onEnd) {
    StdinWatch watch = new StdinWatch();
    Thread t = new Thread(() -> watch.drain(in, onEnd), "stdin-watch");
    t.setDaemon(true);
    t.start();
    return watch;
  }

  /**
   * Reads and discards until end of stream (or a read error, which is the same for a pipe whose
   * writer is gone), then marks the watch ended and runs {@code onEnd}.
   */
  void drain(InputStream in, Runnable onEnd) {
    byte[] buffer = new byte[512];
    try {
      while (in.read(buffer) >= 0) {
        // a parent may write keep-alive bytes; only the end matters
      }
    } catch (IOException e) {
      // the pipe broke: its writer is gone just the same
    }
    ended.set(true);
    onEnd.run();
  }

  /** True once stdin has ended. */
  boolean ended() {
    return ended.get();
  }

  /** True if this process's stdin is a pipe or socket (Linux; false where that cannot be told). */
  static boolean stdinIsPipe() {
    return isPipe(STDIN_LINK);
  }

  static boolean isPipe(Path fdLink) {
    try {
      String target = Files.readSymbolicLink(fdLink).toString();
      return target.startsWith("pipe:") || target.startsWith("socket:");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
