package io.personastudio.infrastructure.training;

import io.personastudio.application.persona.PersonaService;
import io.personastudio.application.training.TrainingRuns;
import io.personastudio.domain.persona.ChatImport;
import io.personastudio.domain.training.RunPhase;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Streams the upload into encrypted message rows, then deletes the upload. */
@Named
@Dependent
public class ImportMessagesBatchlet extends RunStep {

  @Inject TrainingRuns runs;
  @Inject MessageStore messages;
  @Inject PersonaService personas;

  @Override
  String run(UUID runId) throws Exception {
    UUID personaId = runs.view(runId).orElseThrow().personaId();
    ChatImport chat = runs.latestImport(personaId).orElseThrow();
    runs.progress(runId, RunPhase.IMPORT, 0, 0, null, null);
    Path upload = personas.uploadOf(chat.id());
    if (!Files.exists(upload)) {
      if (chat.messageCount() > 0) {
        return "ALREADY_IMPORTED"; // a restarted job: the messages are stored
      }
      throw new IllegalStateException("The uploaded file is gone; upload the chat again.");
    }
    MessageStore.ImportCount count = messages.importChat(chat.id(), upload);
    runs.imported(chat.id(), count.stored(), count.skipped());
    Files.delete(upload);
    return "IMPORTED " + count.stored();
  }
}
