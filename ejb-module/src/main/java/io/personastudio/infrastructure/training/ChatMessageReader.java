package io.personastudio.infrastructure.training;

import io.personastudio.application.persona.PersonaService;
import io.personastudio.application.training.TrainingRuns;
import io.personastudio.domain.persona.ChatImport;
import io.personastudio.domain.training.RunPhase;
import io.personastudio.infrastructure.config.StudioConfig;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The import's reader: streams the messages of the run's upload one at a time (bounded memory)
 * through {@link MessageStream}. Its checkpoint is the number of messages read, so a restarted step
 * reads on from the last committed chunk. A fresh start first removes rows a crashed attempt left.
 * A chat already imported (a retraining, or a run resumed after the import) reads nothing.
 */
@Named
@Dependent
public class ChatMessageReader extends AbstractItemReader {

  @Inject JobContext job;
  @Inject TrainingRuns runs;
  @Inject PersonaService personas;
  @Inject MessageStore messages;
  @Inject EarlyWorkers earlyWorkers;
  @Inject WorkerJobs jobs;
  @Inject StudioConfig config;
  @Inject SharedUploads sharedUploads;

  /** Whether a fresh import starts the training worker from the upload while it stores the chat. */
  @Inject
  @ConfigProperty(name = "persona.training.early-worker", defaultValue = "true")
  boolean earlyWorker;

  private MessageStream stream;
  private long position;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    UUID runId = BatchParameters.runId(job);
    UUID personaId = runs.view(runId).orElseThrow().personaId();
    ChatImport chat = runs.latestImport(personaId).orElseThrow();
    runs.progress(runId, RunPhase.IMPORT, 0, 0, null, null);
    if (chat.importedAt().isPresent()) {
      return;
    }
    Path upload = personas.uploadOf(chat.id());
    if (!Files.exists(upload) && !sharedUploads.copyTo(chat.id(), upload)) {
      throw fail("The uploaded file is gone; upload the chat again.");
    }
    if (checkpoint == null) {
      messages.forget(chat.id());
      runs.clearSkips(runId);
    }
    if (checkpoint == null && earlyWorker) {
      earlyWorkers.begin(
          runId, job.getExecutionId(), upload, RunWork.export(config, runId), jobs.of(runId));
    }
    stream = MessageStream.start(upload, chat.fileName(), "chat-import-" + runId);
    long resumeAt = checkpoint == null ? 0 : (Long) checkpoint;
    while (position < resumeAt && readItem() != null) {
      // already stored by a committed chunk
    }
  }

  @Override
  public Object readItem() throws Exception {
    if (stream == null) {
      return null;
    }
    try {
      var next = stream.next();
      if (next == null) {
        return null;
      }
      return new ImportedMessage(position++, next);
    } catch (MessageStream.Unreadable e) {
      throw fail(e.getMessage());
    }
  }

  @Override
  public Serializable checkpointInfo() {
    return position;
  }

  @Override
  public void close() {
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }

  /** The reason becomes the job's exit status, which the run shows as its failure reason. */
  private IllegalStateException fail(String reason) {
    job.setExitStatus(reason);
    return new IllegalStateException(reason);
  }
}
