package io.personastudio.ml.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhatsAppImportTest {
  @TempDir Path dir;

  private List<ChatMessage> read(String content) throws IOException {
    Path file = Files.writeString(dir.resolve("chat.txt"), content, StandardCharsets.UTF_8);
    assertThat(new ChatImporter().detect(file)).isEqualTo(ChatFormat.WHATSAPP_TEXT);
    return new ChatImporter().read(file, null).messages();
  }

  @Test
  void androidMonthFirstWithSystemLineMultiLineAndMedia() throws IOException {
    List<ChatMessage> m =
        read(
            "5/25/83, 09:00 - Messages and calls are end-to-end encrypted. Tap to learn more.\n"
                + "5/25/83, 09:00 - C3Po: Did you hear that?\n"
                + "second line\n"
                + "5/25/83, 21:01 - Luke: <Media omitted>\n"
                + "5/26/83, 09:02 - Luke: Ratio: 2:1\n");

    assertThat(m).hasSize(3);
    assertThat(m.get(0).senderName()).isEqualTo("C3Po");
    assertThat(m.get(0).text()).isEqualTo("Did you hear that?\nsecond line");
    assertThat(m.get(0).time()).isEqualTo(Instant.parse("1983-05-25T09:00:00Z"));
    assertThat(m.get(1).media()).isTrue();
    assertThat(m.get(1).text()).isEmpty();
    assertThat(m.get(2).text()).isEqualTo("Ratio: 2:1");
    assertThat(m.get(2).time()).isEqualTo(Instant.parse("1983-05-26T09:02:00Z"));
  }

  @Test
  void iosDayFirstWithSecondsAndDirectionalMarks() throws IOException {
    List<ChatMessage> m =
        read(
            "\u200E[25.05.80, 09:00:20] Luke: Echo Three to Echo Seven.\n"
                + "[25.05.80, 09:00:41] Han: \u200Eimage omitted\n"
                + "[02.06.80, 17:30:05] Han: Loud and clear, kid.\n");

    assertThat(m).extracting(ChatMessage::senderName).containsExactly("Luke", "Han", "Han");
    assertThat(m.get(0).time()).isEqualTo(Instant.parse("1980-05-25T09:00:20Z"));
    assertThat(m.get(1).media()).isTrue();
    assertThat(m.get(2).time()).isEqualTo(Instant.parse("1980-06-02T17:30:05Z"));
  }

  @Test
  void twelveHourSpanishMarkersWithNonBreakingSpaces() throws IOException {
    List<ChatMessage> m =
        read(
            "01/30/2019, 08:49\u00A0p.\u00A0m. - Jahn Doe: evening\n"
                + "01/31/2019, 12:05\u202Fa.\u00A0m. - John Doe:.\n"
                + "02/01/2019, 12:10 p. m. - John Doe: noon\n");

    assertThat(m.get(0).time()).isEqualTo(Instant.parse("2019-01-30T20:49:00Z"));
    assertThat(m.get(1).time()).isEqualTo(Instant.parse("2019-01-31T00:05:00Z"));
    assertThat(m.get(1).text()).isEqualTo(".");
    assertThat(m.get(2).time()).isEqualTo(Instant.parse("2019-02-01T12:10:00Z"));
  }

  @Test
  void dayFirstFourDigitYearWithAmPm() throws IOException {
    List<ChatMessage> m =
        read(
            "25/05/1983, 09:00 am - Shuttle Captain: Command station.\n"
                + "25/05/1983, 01:15 pm - Operator: Yes, sir.\n");

    assertThat(m.get(0).time()).isEqualTo(Instant.parse("1983-05-25T09:00:00Z"));
    assertThat(m.get(1).time()).isEqualTo(Instant.parse("1983-05-25T13:15:00Z"));
  }

  @Test
  void ambiguousDatesAreReadInTheOrderThatKeepsTimeMonotonic() throws IOException {
    // 01/02 .. 01/03 .. 02/03: month-first goes Jan 2, Jan 3, Feb 3 (forward);
    // day-first would go Feb 1, Mar 1, Mar 2 — also forward; add 03/01 which only month-first
    // keeps forward (Mar 1 after Feb 3), day-first would jump back to Jan 3.
    List<ChatMessage> m =
        read(
            "01/02/20, 10:00 - A: one\n"
                + "01/03/20, 10:00 - B: two\n"
                + "02/03/20, 10:00 - A: three\n"
                + "03/01/20, 10:00 - B: four\n");

    assertThat(m.get(3).time()).isEqualTo(Instant.parse("2020-03-01T10:00:00Z"));
  }

  @Test
  void deletedMessagesAreSkippedAndEditMarkersRemoved() throws IOException {
    List<ChatMessage> m =
        read(
            "1/1/24, 10:00 - A: This message was deleted\n"
                + "1/1/24, 10:01 - B: fixed typo <This message was edited>\n");

    assertThat(m).hasSize(1);
    assertThat(m.get(0).text()).isEqualTo("fixed typo");
    assertThat(m.get(0).edited()).isTrue();
  }
}
