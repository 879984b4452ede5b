package io.personastudio.interfaces.rest.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.testing.AgainstShippedWar;
import io.personastudio.testing.TestDatabase;
import io.personastudio.testing.web.Api;
import io.personastudio.testing.web.Chats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Uploads through the API: zipped exports accepted within limits; bad ones refused at once, in the
 * client's terms, never the server's.
 */
class PersonaUploadIT extends AgainstShippedWar {

  private static final String FILE = "WhatsApp Chat with Ana.txt";

  @Test
  void aBadlyEncodedUploadIsRefusedNamingTheClientsFileAndThePosition() throws Exception {
    Api ana = Api.newUser(server, "Ana");
    byte[] latin1 =
        Chats.whatsApp("Ben", "Ana", 40, "caf\u00e9 cr\u00e8me")
            .getBytes(StandardCharsets.ISO_8859_1);

    HttpResponse<String> participants =
        ana.upload("api/v1/personas/participants", Map.of(), FILE, latin1);
    HttpResponse<String> created =
        ana.upload(
            "api/v1/personas",
            Map.of("name", "Ana", "person", "Ana", "consent", "true"),
            FILE,
            latin1);

    for (HttpResponse<String> refused : new HttpResponse[] {participants, created}) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body())
          .contains(FILE)
          .contains("byte offset")
          .contains("wrong encoding")
          .doesNotContain("incoming-")
          .doesNotContain(".part")
          .doesNotContain("uploads");
    }
  }

  @Test
  void noPersonaIsCreatedWithoutConsent() throws Exception {
    Api ana = Api.newUser(server, "Ana");
    String chat = Chats.whatsApp("Ben", "Ana", 60, "marmalade!");

    HttpResponse<String> missing =
        ana.upload("api/v1/personas", Map.of("name", "Ana", "person", "Ana"), FILE, chat);
    HttpResponse<String> refused =
        ana.upload(
            "api/v1/personas",
            Map.of("name", "Ana", "person", "Ana", "consent", "false"),
            FILE,
            chat);

    assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
    assertThat(missing.body()).contains("consent");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(ana.get("api/v1/personas").body()).isEqualTo("[]");
  }

  @Test
  void consentIsRecordedWithWhoWhenAndWhichUpload() throws Exception {
    Api ana = Api.newUser(server, "Ana");
    OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);

    HttpResponse<String> created =
        ana.upload(
            "api/v1/personas",
            Map.of("name", "Ana", "person", "Ana", "consent", "true"),
            FILE,
            Chats.whatsApp("Ben", "Ana", 60, "marmalade!"));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    UUID persona = UUID.fromString(Api.field(created.body(), "id"));
    try (Connection db = TestDatabase.connect();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT c.account_id = p.owner_id, c.given_at, i.file_name, c.statement"
                    + " FROM upload_consent c JOIN chat_import i ON i.id = c.import_id"
                    + " JOIN persona p ON p.id = i.persona_id WHERE p.id = ?")) {
      q.setObject(1, persona);
      try (ResultSet row = q.executeQuery()) {
        assertThat(row.next()).as("a consent row for the persona's upload").isTrue();
        assertThat(row.getBoolean(1)).as("given by the owner").isTrue();
        assertThat(row.getObject(2, OffsetDateTime.class))
            .isAfter(before)
            .isBefore(OffsetDateTime.now().plus(Duration.ofSeconds(5)));
        assertThat(row.getString(3)).isEqualTo(FILE);
        assertThat(row.getString(4)).isNotBlank();
        assertThat(row.next()).isFalse();
      }
    }
  }

  @Test
  void aPersonWhoSeldomAnswersIsRefusedAtOnceWithTheRepliesNeeded() throws Exception {
    Api ana = Api.newUser(server, "Ana");
    String chat = Chats.whatsApp("Ben", "Ana", 20, "marmalade!"); // Ana answers Ben 10 times

    HttpResponse<String> participants =
        ana.upload("api/v1/personas/participants", Map.of(), FILE, chat);
    HttpResponse<String> created =
        ana.upload(
            "api/v1/personas",
            Map.of("name", "Ana", "person", "Ana", "consent", "true"),
            FILE,
            chat);

    assertThat(participants.statusCode()).as(participants.body()).isEqualTo(200);
    assertThat(participants.body()).contains("\"replies\":10");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
    assertThat(created.body())
        .contains("Ana answers someone else 10 times")
        .contains("at least 20");
    assertThat(ana.get("api/v1/personas").body()).isEqualTo("[]");
  }

  @Test
  void aPersonWhoNeverAnswersAnyoneIsRefusedAtOnce() throws Exception {
    Api ana = Api.newUser(server, "Ana");
    StringBuilder monologues = new StringBuilder();
    for (int day = 1; day <= 28; day++) {
      monologues.append("2/" + day + "/24, 09:00 - Ana: good morning, anyone up?\n");
      monologues.append("2/" + day + "/24, 09:01 - Ana: coffee at ten\n");
      monologues.append("2/" + day + "/24, 20:00 - Ben: good night all\n");
    }

    HttpResponse<String> created =
        ana.upload(
            "api/v1/personas",
            Map.of("name", "Ana", "person", "Ana", "consent", "true"),
            FILE,
            monologues.toString());

    assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
    assertThat(created.body()).contains("answers someone else 0 times").contains("at least 20");
  }

  @Test
  void aZippedIphoneExportIsReadAndTrainedFromItsChat() throws Exception {
    Api ana = Api.newUser(server, "Ana");
    byte[] zip =
        zip(
            "_chat.txt",
            Chats.whatsApp("Ben", "Ana", 60, "marmalade!").getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> participants =
        ana.upload("api/v1/personas/participants", Map.of(), "WhatsApp Chat - Ana.zip", zip);
    HttpResponse<String> created =
        ana.upload(
            "api/v1/personas",
            Map.of("name", "Ana", "person", "Ana", "consent", "true"),
            "WhatsApp Chat - Ana.zip",
            zip);

    assertThat(participants.statusCode()).as(participants.body()).isEqualTo(200);
    assertThat(participants.body()).contains("\"name\":\"Ana\"").contains("\"name\":\"Ben\"");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  @Test
  void aZipBombIsRefusedNamingTheClientsZip() throws Exception {
    Api ana = Api.newUser(server, "Ana");
    byte[] chat = Chats.whatsApp("Ben", "Ana", 60, "marmalade!").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    bomb.writeBytes(chat);
    bomb.writeBytes(new byte[64 << 20]); // 64 MB of zeros pack to about 64 KB

    HttpResponse<String> refused =
        ana.upload(
            "api/v1/personas/participants",
            Map.of(),
            "chat.zip",
            zip("_chat.txt", bomb.toByteArray()));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("chat.zip").contains("zip bomb").doesNotContain(".part");
  }

  private static byte[] zip(String name, byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry(name));
      out.write(content);
      out.closeEntry();
    }
    return bytes.toByteArray();
  }
}
