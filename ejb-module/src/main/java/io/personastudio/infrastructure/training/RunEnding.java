package io.personastudio.infrastructure.training;

import io.personastudio.application.persona.PersonaService;
import io.personastudio.application.training.TrainingQueue;
import io.personastudio.application.training.TrainingRuns;
import io.personastudio.infrastructure.config.StudioConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * What the end of one {@code train-persona} execution does to its run. Only the execution that
 * still owns the run may fail it and delete its upload: a node too slow to beat in time has its run
 * put back in the queue, and its job, when it finally ends, must leave the run (and the upload a
 * new import reads) to the execution that took it over. The node's queue slot and the run's working
 * folder are released unless a newer execution of the run holds them on this node.
 */
@Dependent
public class RunEnding {

  @Inject TrainingRuns runs;
  @Inject TrainingQueue queue;
  @Inject StudioConfig config;
  @Inject PersonaService personas;
  @Inject EarlyWorkers earlyWorkers;
  @Inject SharedUploads sharedUploads;

  /** The job of {@code execution} ended; {@code completed} when every step succeeded. */
  public void jobEnded(UUID runId, long execution, boolean completed, String exitStatus) {
    try {
      if (!completed) {
        String reason =
            exitStatus == null || exitStatus.isBlank() ? "the training job stopped" : exitStatus;
        // a cancelled run stays this execution's: its upload goes too
        if (runs.failed(runId, execution, reason) || runs.ownedBy(runId, execution)) {
          runs.view(runId)
              .flatMap(v -> runs.latestImport(v.personaId()))
              .ifPresent(
                  chat -> {
                    sharedUploads.forget(chat.id());
                    PersonaService.deleteQuietly(personas.uploadOf(chat.id()));
                  });
        }
      }
    } finally {
      earlyWorkers.discard(runId, execution); // a failed or cancelled import never trained
      if (queue.finished(runId, execution) && !Boolean.getBoolean("persona.debug.keep-work")) {
        RunWork.delete(config, runId);
      }
    }
  }
}
