package io.personastudio.ml.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelegramImportTest {
  private static final String SINGLE =
      """
      {"name": "Friends", "type": "private_group", "id": 777,
       "messages": [
        {"id": 1, "type": "service", "date": "2021-03-02T19:00:00", "actor": "Ann", "action": "create_group", "text": ""},
        {"id": 2, "type": "message", "date": "2021-03-02T19:00:15", "date_unixtime": "1614711615",
         "from": "Ann", "from_id": "user1", "text": "Привет! How are you?"},
        {"id": 3, "type": "message", "date": "2021-03-02T19:01:00", "from": "Ben", "from_id": "user2",
         "text": [{"type": "bold", "text": "Fine,"}, " thanks ", {"type": "link", "text": "https://x.org"}],
         "reply_to_message_id": 2, "edited": "2021-03-02T19:02:00"},
        {"id": 4, "type": "message", "date": "2021-03-02T19:02:00", "from": "Ben", "from_id": "user2",
         "forwarded_from": "News Channel", "text": "Breaking news"},
        {"id": 5, "type": "message", "date": "2021-03-02T19:03:00", "from": null, "from_id": "user3",
         "photo": "photos/1.jpg", "text": ""}
       ]}
      """;

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void readsSingleChatExportWithEntityArraysAndSkipsServiceMessages() throws IOException {
    ImportedChat chat = new ChatImporter().read(write("result.json", SINGLE), null);

    assertThat(chat.name()).isEqualTo("Friends");
    assertThat(chat.format()).isEqualTo(ChatFormat.TELEGRAM_JSON);
    List<ChatMessage> m = chat.messages();
    assertThat(m).extracting(ChatMessage::id).containsExactly("2", "3", "4", "5");
    assertThat(m.get(0).text()).isEqualTo("Привет! How are you?");
    assertThat(m.get(0).time().getEpochSecond()).isEqualTo(1614711615L);
    assertThat(m.get(1).text()).isEqualTo("Fine, thanks https://x.org");
    assertThat(m.get(1).replyToId()).isEqualTo("2");
    assertThat(m.get(1).edited()).isTrue();
    assertThat(m.get(2).forwarded()).isTrue();
    assertThat(m.get(3).media()).isTrue();
    assertThat(m.get(3).senderName()).isEqualTo("Deleted Account");
  }

  @Test
  void participantStatisticsIgnoreForwardedMessages() throws IOException {
    List<Participant> participants =
        new ChatImporter().participants(write("result.json", SINGLE), null);

    Participant ben = participants.stream().filter(p -> p.id().equals("user2")).findFirst().get();
    assertThat(ben.messages()).isEqualTo(1);
    assertThat(ben.words()).isEqualTo(3);
    assertThat(ben.name()).isEqualTo("Ben");
  }

  @Test
  void picksOneChatOfAFullAccountExportByNameOrId() throws IOException {
    String full =
        """
        {"about": "x", "personal_information": {"first_name": "Me"},
         "chats": {"about": "y", "list": [
           {"name": "Work", "type": "personal_chat", "id": 10, "messages": [
             {"id": 1, "type": "message", "date": "2020-01-01T10:00:00", "from": "Boss", "from_id": "user9", "text": "Report?"}]},
           {"name": "Family", "type": "personal_chat", "id": 11, "messages": [
             {"id": 1, "type": "message", "date": "2020-01-01T11:00:00", "from": "Mom", "from_id": "user8", "text": "Dinner at 7"}]}
         ]}}
        """;
    Path file = write("full.json", full);
    ChatImporter importer = new ChatImporter();

    assertThat(importer.read(file, "family").messages())
        .extracting(ChatMessage::text)
        .containsExactly("Dinner at 7");
    assertThat(importer.read(file, "10").messages())
        .extracting(ChatMessage::text)
        .containsExactly("Report?");
    assertThatThrownBy(() -> importer.read(file, null))
        .isInstanceOf(ChatImportException.class)
        .hasMessageContaining("holds 2 chats")
        .hasMessageContaining("Work")
        .hasMessageContaining("--chat");
    assertThatThrownBy(() -> importer.read(file, "Nope"))
        .hasMessageContaining("no chat named or with id 'Nope'")
        .hasMessageContaining("Family");
  }

  @Test
  void truncatedJsonNamesFileAndLine() throws IOException {
    Path file = write("cut.json", SINGLE.substring(0, SINGLE.indexOf("\"forwarded_from\"")));

    assertThatThrownBy(() -> new ChatImporter().read(file, null))
        .isInstanceOf(ChatImportException.class)
        .hasMessageContaining("cut.json")
        .hasMessageContaining("line ")
        .hasMessageContaining("truncated");
  }

  @Test
  void invalidJsonNamesLineAndColumn() throws IOException {
    Path file = write("bad.json", "{\"name\": \"x\",\n \"messages\": [ {\"id\": 1,, } ]}");

    assertThatThrownBy(() -> new ChatImporter().read(file, null))
        .isInstanceOf(ChatImportException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("invalid JSON");
  }

  @Test
  void latin1BytesAreReportedAsWrongEncodingWithByteOffset() throws IOException {
    byte[] bytes =
        "{\"name\": \"Caf\u00e9\", \"messages\": []}".getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(dir.resolve("latin1.json"), bytes);

    assertThatThrownBy(() -> new ChatImporter().read(file, null))
        .hasMessageContaining("wrong encoding")
        .hasMessageContaining("byte offset");
  }

  @Test
  void utf16FileIsReportedAsWrongEncoding() throws IOException {
    Path file = Files.write(dir.resolve("u16.txt"), "{}".getBytes(StandardCharsets.UTF_16));

    assertThatThrownBy(() -> new ChatImporter().detect(file))
        .hasMessageContaining("wrong encoding: UTF-16");
  }

  @Test
  void chatWithoutMessagesIsEmpty() throws IOException {
    Path file = write("empty.json", "{\"name\": \"x\", \"id\": 1, \"messages\": []}");

    assertThatThrownBy(() -> new ChatImporter().read(file, null))
        .hasMessageContaining("empty chat");
  }

  @Test
  void unknownFormatIsNamed() throws IOException {
    Path file = write("notes.txt", "Shopping list\nmilk\n");

    assertThatThrownBy(() -> new ChatImporter().detect(file))
        .hasMessageContaining("notes.txt")
        .hasMessageContaining("unknown format");
  }

  @Test
  void unknownPersonListsParticipants() throws IOException {
    ImportedChat chat = new ChatImporter().read(write("result.json", SINGLE), null);

    assertThatThrownBy(() -> chat.person("Zed"))
        .hasMessageContaining("unknown person 'Zed'")
        .hasMessageContaining("Ann (user1)");
    assertThat(chat.person("ben").id()).isEqualTo("user2");
    assertThat(chat.person("user1").name()).isEqualTo("Ann");
  }
}
