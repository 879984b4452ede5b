package io.personastudio.interfaces.rest.v1;

import io.personastudio.application.training.RunView;
import io.personastudio.application.training.TrainingRuns;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One client's stream of a run's progress: reads the run from the database every second (so it
 * works on whichever node trains it), sends a {@code progress} event whenever the run changed, and
 * ends once the run has finished (after its evaluation), was deleted, or the client went away.
 */
final class RunEvents implements Runnable {

  private static final long PERIOD_MILLIS = 1_000;
  private static final long MAX_MILLIS = TimeUnit.HOURS.toMillis(3);

  private final TrainingRuns runs;
  private final UUID owner;
  private final UUID runId;
  private final SseEventSink sink;
  private final Sse sse;

  RunEvents(TrainingRuns runs, UUID owner, UUID runId, SseEventSink sink, Sse sse) {
    this.runs = runs;
    this.owner = owner;
    this.runId = runId;
    this.sink = sink;
    this.sse = sse;
  }

  @Override
  public void run() {
    try (sink) {
      long end = System.currentTimeMillis() + MAX_MILLIS;
      RunView last = null;
      while (!sink.isClosed() && System.currentTimeMillis() < end) {
        Optional<RunView> now = runs.view(owner, runId);
        if (now.isEmpty()) {
          send("gone", "{}");
          return;
        }
        if (!now.get().equals(last)) {
          last = now.get();
          send("progress", last);
        }
        if (finished(last)) {
          return;
        }
        Thread.sleep(PERIOD_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      // the client went away or the node is stopping: the stream ends
    }
  }

  /** Nothing more will change: ended, and its figures (if any are coming) have arrived. */
  static boolean finished(RunView run) {
    return run.status().matches("COMPLETED|FAILED|CANCELLED") && !run.phase().equals("EVALUATE");
  }

  private void send(String name, Object data)
      throws InterruptedException, ExecutionException, TimeoutException {
    sink.send(
            sse.newEventBuilder()
                .name(name)
                .id(runId.toString())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(data.getClass(), data)
                .build())
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }
}
