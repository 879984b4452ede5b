package io.personastudio.infrastructure.training;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * Training workers started while their run's import still stores the chat: the JVM start, the
 * worker's parse and model set-up (seconds) overlap the import instead of following it. An
 * execution's worker is handed to its train step ({@link #take}); the job's end stops one nobody
 * took ({@link #discard}: a failed or cancelled import), and so does the node's shutdown.
 */
@ApplicationScoped
public class EarlyWorkers {

  @Resource ManagedExecutorService executor;

  private final Map<UUID, EarlyWorker> workers = new ConcurrentHashMap<>();

  /** In the background: writes the worker's input from the upload, then starts the worker. */
  public void begin(UUID runId, long execution, Path upload, Path input, TrainingWorker.Job job) {
    EarlyWorker worker = new EarlyWorker(execution);
    EarlyWorker older = workers.put(runId, worker);
    if (older != null) {
      older.discard();
    }
    try {
      executor.execute(() -> worker.launch(upload, input, job));
    } catch (RejectedExecutionException e) {
      worker.discard();
    }
  }

  /** The execution's early worker, once started; empty if there is none or it could not start. */
  public Optional<TrainingWorker.Started> take(UUID runId, long execution)
      throws InterruptedException {
    EarlyWorker worker = workers.get(runId);
    if (worker == null || worker.execution() != execution || !workers.remove(runId, worker)) {
      return Optional.empty();
    }
    return worker.await();
  }

  /** Stops the execution's early worker if its train step never took it. */
  public void discard(UUID runId, long execution) {
    EarlyWorker worker = workers.get(runId);
    if (worker != null && worker.execution() == execution && workers.remove(runId, worker)) {
      worker.discard();
    }
  }

  @PreDestroy
  void stopAll() {
    workers.values().forEach(EarlyWorker::discard);
    workers.clear();
  }
}
