package io.personastudio.ml.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZippedExportTest {
  private static final String CHAT =
      "[1/2/24, 10:00:00] Ana: hi Ben\n[1/2/24, 10:01:00] Ben: hi Ana\n";
  private static final String SHOWN = "WhatsApp Chat - Ana.zip";
  private static final ZipLimits LIMITS = new ZipLimits(100, 50L << 20, 10L << 20, 100);

  @TempDir Path dir;

  private Path zip(Map<String, byte[]> entries) throws IOException {
    Path zip = dir.resolve("incoming-1.part");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return zip;
  }

  private static Map<String, byte[]> entries(Object... nameAndContent) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < nameAndContent.length; i += 2) {
      Object content = nameAndContent[i + 1];
      entries.put(
          (String) nameAndContent[i],
          content instanceof byte[] b ? b : ((String) content).getBytes(StandardCharsets.UTF_8));
    }
    return entries;
  }

  private String extract(Path zip, ZipLimits limits) {
    return ZippedExport.extract(zip, SHOWN, limits, dir.resolve("chat.out"));
  }

  private void refused(Path zip, ZipLimits limits, String... words) {
    assertThatThrownBy(() -> extract(zip, limits))
        .isInstanceOf(ChatImportException.class)
        .hasMessageStartingWith(SHOWN)
        .hasMessageContainingAll(words)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(dir.toString()));
  }

  @Test
  void anIphoneExportIsUnpackedToItsChatWhichImports() throws IOException {
    Path zip = zip(entries("_chat.txt", CHAT));

    assertThat(ZippedExport.isZip(zip)).isTrue();
    assertThat(extract(zip, LIMITS)).isEqualTo("_chat.txt");
    assertThat(new ChatImporter().participants(dir.resolve("chat.out"), null))
        .extracting(Participant::name)
        .containsExactlyInAnyOrder("Ana", "Ben");
  }

  @Test
  void anAndroidExportWithMediaYieldsItsTextFile() throws IOException {
    Path zip =
        zip(
            entries(
                "IMG-20240102-WA0001.jpg", new byte[5000],
                "WhatsApp Chat with Ana.txt", CHAT,
                "PTT-20240102-WA0002.opus", new byte[3000]));

    assertThat(extract(zip, LIMITS)).isEqualTo("WhatsApp Chat with Ana.txt");
    assertThat(Files.readString(dir.resolve("chat.out"))).isEqualTo(CHAT);
  }

  @Test
  void aZippedTelegramExportYieldsResultJsonAmongItsFiles() throws IOException {
    Path zip =
        zip(
            entries(
                "ChatExport_2024-01-02/photos/photo_1.jpg", new byte[100],
                "ChatExport_2024-01-02/export_results.html", "<html></html>",
                "ChatExport_2024-01-02/result.json", "{\"name\":\"x\",\"messages\":[]}"));

    assertThat(extract(zip, LIMITS)).isEqualTo("ChatExport_2024-01-02/result.json");
  }

  @Test
  void aTraversalNameIsOnlyANameNothingIsWrittenOutsideTheTarget() throws IOException {
    Path zip = zip(entries("../../evil/_chat.txt", CHAT, "__MACOSX/._chat.txt", "junk"));

    assertThat(extract(zip, LIMITS)).isEqualTo("../../evil/_chat.txt");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("incoming-1.part", "chat.out");
    }
    assertThat(dir.getParent().getParent().resolve("evil")).doesNotExist();
  }

  @Test
  void tooManyEntriesAreRefusedNamingTheLimit() throws IOException {
    Object[] many = new Object[2 * 101];
    for (int i = 0; i < 101; i++) {
      many[2 * i] = "IMG-" + i + ".jpg";
      many[2 * i + 1] = new byte[1];
    }
    refused(zip(entries(many)), LIMITS, "101 files", "at most 100");
  }

  @Test
  void moreThanTheUnpackedLimitIsRefused() throws IOException {
    Path zip = zip(entries("_chat.txt", CHAT, "VID-1.mp4", new byte[3 << 20]));

    refused(zip, new ZipLimits(100, 2L << 20, 10L << 20, 100), "would take 4 MB", "at most 2 MB");
  }

  @Test
  void aChatThatInflatesBeyondTheRatioIsRefusedAsABomb() throws IOException {
    byte[] zeros = new byte[8 << 20];
    Arrays.fill(zeros, (byte) 'a');

    refused(zip(entries("_chat.txt", zeros)), LIMITS, "100 times", "zip bomb");
    assertThat(Files.size(dir.resolve("chat.out"))).isLessThan(2L << 20);
  }

  @Test
  void aChatLargerThanAnUploadMayBeIsRefusedWhileUnpacking() throws IOException {
    byte[] text = new byte[3 << 20];
    new java.util.Random(1).nextBytes(text);

    refused(zip(entries("_chat.txt", text)), new ZipLimits(100, 50L << 20, 2L << 20, 100), "2 MB");
  }

  @Test
  void aZipWithoutAChatNamesWhatItExpects() throws IOException {
    refused(zip(entries("IMG-1.jpg", new byte[10])), LIMITS, "no chat inside", "_chat.txt");
  }

  @Test
  void aZipInsideTheZipIsRefusedClearly() throws IOException {
    refused(zip(entries("inner.zip", new byte[10])), LIMITS, "another zip", "inner.zip");
  }

  @Test
  void severalTextFilesWithoutAClearChatAreNamed() throws IOException {
    refused(zip(entries("a.txt", CHAT, "b.txt", CHAT)), LIMITS, "2 text files", "a.txt", "b.txt");
  }

  @Test
  void aTruncatedZipIsRefusedAsDamaged() throws IOException {
    Path zip = zip(entries("_chat.txt", CHAT));
    byte[] bytes = Files.readAllBytes(zip);
    try (OutputStream out = Files.newOutputStream(zip)) {
      out.write(bytes, 0, bytes.length / 2);
    }

    assertThat(ZippedExport.isZip(zip)).isTrue();
    refused(zip, LIMITS, "damaged zip");
  }

  @Test
  void plainTextIsNotAZip() throws IOException {
    assertThat(ZippedExport.isZip(Files.writeString(dir.resolve("c.txt"), CHAT))).isFalse();
    assertThat(ZippedExport.isZip(Files.write(dir.resolve("e.txt"), new byte[0]))).isFalse();
  }
}
