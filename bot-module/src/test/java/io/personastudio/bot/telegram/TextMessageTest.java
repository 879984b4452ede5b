package io.personastudio.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class TextMessageTest {

  @Test
  void sendsTheSameRequestAsTheLibrarysSendMessage() throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(json.writeValueAsString(TextMessage.to(42, "hi \"there\""))))
        .isEqualTo(
            json.readTree(
                json.writeValueAsString(
                    SendMessage.builder().chatId(42L).text("hi \"there\"").build())));
    assertThat(TextMessage.to(42, "x").getMethod()).isEqualTo("sendmessage");
  }

  @Test
  void acceptsAnOkAnswerWhereverOkStands() throws Exception {
    String okFirst =
        "{\"ok\":true,\"result\":{\"message_id\":7,\"chat\":{\"id\":42},\"text\":\"a\"}}";
    String okLast = "{\"result\":{\"message_id\":7,\"entities\":[{\"ok\":false}]},\"ok\":true}";
    assertThat(TextMessage.to(42, "a").deserializeResponse(okFirst)).isNotNull();
    assertThat(TextMessage.isOk(okLast)).isTrue();
    assertThat(TextMessage.isOk("{\"ok\":false}")).isFalse();
    assertThat(TextMessage.isOk("not json")).isFalse();
  }

  @Test
  void anErrorAnswerKeepsItsCodeAndRetryAfter() {
    String tooMany =
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 3\","
            + "\"parameters\":{\"retry_after\":3}}";
    assertThatThrownBy(() -> TextMessage.to(42, "a").deserializeResponse(tooMany))
        .isInstanceOfSatisfying(
            TelegramApiRequestException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(429);
              assertThat(e.getParameters().getRetryAfter()).isEqualTo(3);
            });
  }
}
