package io.personastudio.interfaces.rest.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.testing.AgainstShippedWar;
import io.personastudio.testing.web.Api;
import io.personastudio.testing.web.Chats;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad uploads through the API: refused at once, in the client's terms, never the server's. */
class UploadRefusalIT extends AgainstShippedWar {

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
}
