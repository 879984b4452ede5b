package io.personastudio.infrastructure.training;

import io.personastudio.application.persona.PersonaService;
import io.personastudio.application.training.TrainingRuns;
import io.personastudio.domain.persona.ChatImport;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Files;
import java.util.UUID;

/**
 * After the import chunk step: marks the chat imported with its counts and deletes the raw upload,
 * here and in the database (the messages now live encrypted in the database only).
 */
@Named
@Dependent
public class ImportFinishedBatchlet extends RunStep {

  @Inject TrainingRuns runs;
  @Inject MessageStore messages;
  @Inject PersonaService personas;
  @Inject SharedUploads sharedUploads;

  @Override
  String run(UUID runId) throws Exception {
    var run = runs.view(runId).orElseThrow();
    ChatImport chat = runs.latestImport(run.personaId()).orElseThrow();
    if (chat.importedAt().isPresent()) {
      return "ALREADY_IMPORTED";
    }
    int stored = messages.count(chat.id());
    if (stored == 0) {
      throw new IllegalStateException(
          "No message of the upload could be stored ("
              + run.skippedRecords()
              + " bad records); export the chat again.");
    }
    runs.imported(chat.id(), stored, run.skippedRecords());
    sharedUploads.forget(chat.id());
    Files.deleteIfExists(personas.uploadOf(chat.id()));
    return "IMPORTED " + stored;
  }
}
