package io.personastudio.infrastructure.training;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One execution's early worker: its input is written and its process started on a background
 * thread; whoever takes or discards it waits for that to finish, so no process or file outlives a
 * discard.
 */
final class EarlyWorker {

  private static final Logger LOG = Logger.getLogger(EarlyWorker.class.getName());
  private static final long WAIT_MILLIS = TimeUnit.MINUTES.toMillis(2);

  private final long execution;
  private boolean launching;
  private boolean done;
  private boolean discarded;
  private TrainingWorker.Started started;

  EarlyWorker(long execution) {
    this.execution = execution;
  }

  long execution() {
    return execution;
  }

  void launch(Path upload, Path input, TrainingWorker.Job job) {
    synchronized (this) {
      if (discarded) {
        return;
      }
      launching = true;
    }
    TrainingWorker.Started worker = null;
    try {
      if (WorkerInput.write(upload, input) > 0) {
        worker = TrainingWorker.start(job);
      }
    } catch (Exception e) {
      // the train step exports from the database and starts its own worker
      LOG.info("No early training worker for " + input.getParent() + ": " + e.getMessage());
    }
    synchronized (this) {
      started = worker;
      launching = false;
      done = true;
      notifyAll();
    }
    if (isDiscarded()) {
      stop(worker); // its input goes with the run's folder
    }
  }

  /** The started worker; empty if it could not start (or waiting for it took too long). */
  synchronized Optional<TrainingWorker.Started> await() throws InterruptedException {
    long until = System.currentTimeMillis() + WAIT_MILLIS;
    while (!done && !discarded && System.currentTimeMillis() < until) {
      wait(Math.max(1, until - System.currentTimeMillis()));
    }
    if (!done) {
      discarded = true; // a launch finishing later stops its own worker
      return Optional.empty();
    }
    return Optional.ofNullable(started);
  }

  /** Stops the worker, waiting for a launch in progress to finish first. */
  void discard() {
    TrainingWorker.Started worker;
    synchronized (this) {
      discarded = true;
      long until = System.currentTimeMillis() + WAIT_MILLIS;
      while (launching && System.currentTimeMillis() < until) {
        try {
          wait(Math.max(1, until - System.currentTimeMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      worker = started;
      started = null;
    }
    stop(worker);
  }

  private synchronized boolean isDiscarded() {
    return discarded;
  }

  private static void stop(TrainingWorker.Started worker) {
    if (worker == null) {
      return;
    }
    try {
      worker.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
