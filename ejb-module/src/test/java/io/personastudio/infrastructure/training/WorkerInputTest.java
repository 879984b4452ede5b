package io.personastudio.infrastructure.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.personastudio.ml.chat.ChatImporter;
import io.personastudio.ml.chat.ChatMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerInputTest {

  private static String message(int id, String from, String text, String extra) {
    return "{\"id\": "
        + id
        + ", \"type\": \"message\", \"date\": \"2026-01-01T10:0"
        + id
        + ":00\", \"from\": \""
        + from
        + "\", \"from_id\": \"user"
        + from.length()
        + "\", \"text\": \""
        + text
        + "\""
        + extra
        + "}";
  }

  @Test
  void keepsExactlyWhatTheImportStoresInOrder(@TempDir Path dir) throws Exception {
    Path upload = dir.resolve("upload.json");
    Files.writeString(
        upload,
        "{\"name\": \"c\", \"type\": \"personal_chat\", \"id\": 5, \"messages\": ["
            + String.join(
                ", ",
                message(1, "Alice", "tea at five?", ""),
                message(2, "Alice", "someone else's words", ", \"forwarded_from\": \"Carol\""),
                message(3, "Bob", "bad \\u0000 record", ""),
                message(4, "Bob", "sure, see you", ""))
            + "]}",
        StandardCharsets.UTF_8);
    Path input = dir.resolve("chat.json");

    int written = WorkerInput.write(upload, input);

    assertThat(written).isEqualTo(2);
    var read = new ChatImporter().read(input, null).messages();
    assertThat(read).extracting(ChatMessage::text).containsExactly("tea at five?", "sure, see you");
    assertThat(read).extracting(ChatMessage::senderName).containsExactly("Alice", "Bob");
    assertThat(read.get(1).time()).hasToString("2026-01-01T10:04:00Z");
  }

  @Test
  void aCorruptUploadLeavesNoInputBehind(@TempDir Path dir) throws Exception {
    Path upload = dir.resolve("upload.json");
    Files.writeString(upload, "{\"name\": \"chat\", \"messages\": [ {\"id\": 1, \"text\": ");
    Path input = dir.resolve("chat.json");

    assertThatThrownBy(() -> WorkerInput.write(upload, input)).isInstanceOf(RuntimeException.class);

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(upload);
    }
  }
}
