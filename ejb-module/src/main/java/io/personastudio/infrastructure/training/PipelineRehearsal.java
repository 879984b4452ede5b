package io.personastudio.infrastructure.training;

import io.personastudio.infrastructure.crypto.ContentCipher;
import io.personastudio.infrastructure.crypto.Sealed;
import io.personastudio.ml.chat.ChatImporter;
import io.personastudio.ml.chat.ChatMessage;
import io.personastudio.ml.model.ModelArtifact;
import io.personastudio.ml.model.PersonaModel;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One pass of a made-up chat through the pipeline's own code in the node, without the database: the
 * upload's checks, the import's parse, check and sealing, the decrypted export, and packing,
 * unpacking and answering with a model. A node runs it once after it starts ({@link
 * PipelineWarmUp}), so its first real upload does not pay for loading and compiling that code. Its
 * files live in a folder of their own, removed before it returns.
 */
final class PipelineRehearsal {

  /** What went through: messages at each stage, participants found, the model's answer. */
  record Outcome(
      int written, int checked, int sealed, int exported, int participants, String reply) {}

  private static final String[] WORDS = {
    "hey",
    "what",
    "are",
    "you",
    "doing",
    "tonight",
    "pizza",
    "sounds",
    "great",
    "lol",
    "maybe",
    "tomorrow",
    "then",
    "ok",
    "see",
    "the",
    "movie",
    "was",
    "so",
    "good",
    "привет",
    "как",
    "дела"
  };

  private PipelineRehearsal() {}

  static Outcome run(ContentCipher cipher, Path parent, int messages)
      throws IOException, BadRecord {
    Path folder = Files.createTempDirectory(parent, "pipeline-rehearsal");
    try {
      return run(cipher, folder.resolve("upload.json"), folder.resolve("export.json"), messages);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      RunWork.deleteTree(folder);
    }
  }

  private static Outcome run(ContentCipher cipher, Path upload, Path export, int messages)
      throws IOException, InterruptedException, BadRecord {
    List<String> turns = turns(messages);
    Instant start = Instant.parse("2026-01-01T10:00:00Z");
    try (Writer out = Files.newBufferedWriter(upload, StandardCharsets.UTF_8);
        TrainingExport chat = new TrainingExport(out)) {
      for (int i = 0; i < turns.size(); i++) {
        chat.add(i % 2 == 0 ? "Alice" : "Bob", start.plusSeconds(60L * i), turns.get(i));
      }
    }
    ChatImporter importer = new ChatImporter(); // the upload's checks
    importer.detect(upload);
    int participants = importer.participants(upload, null).size();
    List<Sealed[]> stored = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    int checked = 0;
    MessageCheck check = new MessageCheck();
    try (MessageStream stream = MessageStream.start(upload, "rehearsal", "pipeline-rehearsal")) {
      for (ChatMessage m = stream.next(); m != null; m = stream.next()) {
        String row = "rehearsal/" + stored.size();
        if (check.processItem(new ImportedMessage(stored.size(), m)) != null) {
          checked++;
        }
        stored.add(
            new Sealed[] {
              cipher.seal(m.senderName(), row + "/sender"), cipher.seal(m.text(), row)
            });
        times.add(m.time());
      }
    }
    int exported;
    try (Writer out = Files.newBufferedWriter(export, StandardCharsets.UTF_8);
        TrainingExport chat = new TrainingExport(out)) {
      for (int i = 0; i < stored.size(); i++) {
        String row = "rehearsal/" + i;
        chat.add(
            cipher.open(stored.get(i)[0], row + "/sender"),
            times.get(i),
            cipher.open(stored.get(i)[1], row));
      }
      exported = chat.count();
    }
    PersonaModel model = ModelArtifact.fromBytes(ModelArtifact.toBytes(RehearsalModel.of(turns)));
    String reply = model.reply(List.of("hello"));
    return new Outcome(turns.size(), checked, stored.size(), exported, participants, reply);
  }

  private static List<String> turns(int messages) {
    Random random = new Random(7);
    List<String> turns = new ArrayList<>(messages);
    for (int i = 0; i < messages; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 1 + random.nextInt(8); w > 0; w--) {
        text.append(WORDS[random.nextInt(WORDS.length)]).append(w > 1 ? " " : "");
      }
      turns.add(text.toString());
    }
    return turns;
  }
}
