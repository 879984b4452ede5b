package io.personastudio.infrastructure.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.personastudio.ml.chat.ChatMessage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageCheckTest {

  private final MessageCheck check = new MessageCheck();

  private static ImportedMessage message(String sender, String text, boolean forwarded) {
    return new ImportedMessage(
        6,
        new ChatMessage("7", sender, sender, Instant.EPOCH, text, forwarded, false, null, false));
  }

  @Test
  void keepsWhatSomeoneWrote() throws Exception {
    ImportedMessage m = message("Ana", "tea at five? \uD83D\uDE00", false);

    assertThat(check.processItem(m)).isSameAs(m);
  }

  @Test
  void dropsForwardedMessagesWithoutCallingThemBad() throws Exception {
    assertThat(check.processItem(message("Ana", "someone else's words", true))).isNull();
  }

  @Test
  void refusesBrokenUnicodeNamingThePlaceNotTheText() {
    assertThatThrownBy(() -> check.processItem(message("Ana", "secret \uD800 words", false)))
        .isInstanceOf(BadRecord.class)
        .hasMessage("message 7 (id 7): broken Unicode (a lone surrogate) at character 8");
  }

  @Test
  void refusesAMessageLongerThanAnyChatAllows() {
    String pasted = "x".repeat(MessageCheck.MAX_CHARS + 1);

    assertThatThrownBy(() -> check.processItem(message("Ana", pasted, false)))
        .isInstanceOf(BadRecord.class)
        .hasMessageContaining("65537 characters")
        .hasMessageNotContaining("xxx");
  }

  @Test
  void refusesANulCharacterInTheSenderName() {
    assertThatThrownBy(() -> check.processItem(message("A\0na", "hi", false)))
        .isInstanceOf(BadRecord.class)
        .hasMessageContaining("NUL");
  }
}
