package io.personastudio.ml.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An importer showing the uploaded name never names the server's own file, wherever it fails. */
class ShownNameTest {

  @TempDir Path dir;

  private Path stored(byte[] content) throws IOException {
    return Files.write(dir.resolve("incoming-2813937491924733407.part"), content);
  }

  private void refusedNamingOnlyTheUpload(Path file, String... positions) {
    assertThatThrownBy(() -> ChatImporter.showing("WhatsApp Chat with Ana.txt").read(file, null))
        .isInstanceOf(ChatImportException.class)
        .hasMessageStartingWith("WhatsApp Chat with Ana.txt")
        .hasMessageContainingAll(positions)
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain(dir.toString())
                    .doesNotContain("incoming-")
                    .doesNotContain(".part"));
  }

  @Test
  void wrongEncodingNamesTheUploadAndTheByteOffset() throws IOException {
    byte[] latin1 = "1/2/24, 10:00 - Ana: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    refusedNamingOnlyTheUpload(stored(latin1), "byte offset", "wrong encoding");
  }

  @Test
  void binaryContentNamesTheUploadAndTheByteOffset() throws IOException {
    refusedNamingOnlyTheUpload(stored(new byte[] {'a', 'b', 0, 1}), "byte offset 2", "NUL byte");
  }

  @Test
  void aWhatsAppLineWithoutDateNamesTheUploadAndTheLine() throws IOException {
    byte[] text = "\nno date here\n1/2/24, 10:00 - Ana: hi\n".getBytes(StandardCharsets.UTF_8);
    refusedNamingOnlyTheUpload(stored(text), "line 2", "must start with a date");
  }

  @Test
  void truncatedJsonNamesTheUploadAndTheLine() throws IOException {
    byte[] json = "{\"name\": \"x\",\n \"messages\": [ {\"id\": 1".getBytes(StandardCharsets.UTF_8);
    refusedNamingOnlyTheUpload(stored(json), "line ", "truncated");
  }

  @Test
  void aMissingFileIsNotNamedByItsPath() {
    refusedNamingOnlyTheUpload(dir.resolve("incoming-1.part"), "no such file");
  }

  @Test
  void theChatOfAWhatsAppUploadIsNamedAfterTheUploadedFile() throws IOException {
    Path file = stored("1/2/24, 10:00 - Ana: hi\n".getBytes(StandardCharsets.UTF_8));

    String name = ChatImporter.showing("C:\\Users\\me\\chat.txt").stream(file, null, m -> {});

    assertThat(name).isEqualTo("chat.txt");
  }

  @Test
  void theCommandLineStillNamesThePath() throws IOException {
    Path file = stored(new byte[0]);

    assertThatThrownBy(() -> new ChatImporter().read(file, null))
        .hasMessageStartingWith(file.toString());
  }
}
