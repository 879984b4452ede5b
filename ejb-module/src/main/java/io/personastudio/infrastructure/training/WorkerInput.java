package io.personastudio.infrastructure.training;

import io.personastudio.ml.chat.ChatImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The training worker's input written straight from the upload, keeping exactly the messages the
 * import stores ({@link MessageCheck}: own writing, no bad record) in the same order and form as
 * {@link MessageStore#exportForTraining}, so a worker can start before the import has finished.
 */
final class WorkerInput {

  private WorkerInput() {}

  /** Writes the input (complete or not at all); returns the number of messages in it. */
  static int write(Path upload, Path input) throws IOException {
    Path part = input.resolveSibling(input.getFileName() + ".part");
    try {
      int count;
      try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
          TrainingExport export = new TrainingExport(out)) {
        MessageCheck check = new MessageCheck();
        long[] position = {0};
        new ChatImporter()
            .stream(
                upload,
                null,
                m -> {
                  try {
                    if (check.processItem(new ImportedMessage(position[0]++, m)) != null) {
                      export.add(m.senderName(), m.time(), m.text());
                    }
                  } catch (BadRecord skipped) {
                    // the import skips it too
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
        count = export.count();
      }
      Files.move(part, input, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return count;
    } finally {
      Files.deleteIfExists(part);
    }
  }
}
