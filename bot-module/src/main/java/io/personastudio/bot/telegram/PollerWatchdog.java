package io.personastudio.bot.telegram;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * Keeps one poller alive: restarts it when its thread died or its loop stopped beating for longer
 * than a poll can take. The old poller is told to stop first; should it still deliver a batch, the
 * ledger filters the duplicates.
 */
final class PollerWatchdog implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(PollerWatchdog.class.getName());

  private final Supplier<UpdatePoller> pollers;
  private final ThreadFactory threads;
  private final Duration checkEvery;
  private final Duration staleAfter;
  private final Thread watcher;
  private volatile boolean running = true;
  private volatile UpdatePoller current;
  private volatile Thread currentThread;
  private volatile int restarts;

  PollerWatchdog(
      Supplier<UpdatePoller> pollers,
      ThreadFactory threads,
      Duration checkEvery,
      Duration staleAfter) {
    this.pollers = pollers;
    this.threads = threads;
    this.checkEvery = checkEvery;
    this.staleAfter = staleAfter;
    startPoller();
    this.watcher = threads.newThread(this::watch);
    watcher.start();
  }

  private synchronized void startPoller() {
    current = pollers.get();
    currentThread = threads.newThread(current);
    currentThread.start();
  }

  private void watch() {
    while (running) {
      try {
        Thread.sleep(checkEvery.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      UpdatePoller poller = current;
      boolean dead = !currentThread.isAlive();
      boolean stale = poller.sinceHeartbeat().compareTo(staleAfter) > 0;
      if (running && (dead || stale)) {
        LOG.log(Level.WARNING, "poller {0}; restarting it", dead ? "died" : "stopped beating");
        poller.stop();
        currentThread.interrupt();
        restarts++;
        startPoller();
      }
    }
  }

  int restarts() {
    return restarts;
  }

  @Override
  public void close() {
    running = false;
    watcher.interrupt();
    current.stop();
    currentThread.interrupt();
    try {
      currentThread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
