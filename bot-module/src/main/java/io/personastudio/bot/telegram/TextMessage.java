package io.personastudio.bot.telegram;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * {@code sendMessage} as the gateway sends it: the same request as the library's, but a successful
 * answer is only checked for {@code "ok": true}, not bound to a {@link Message} (Jackson binding
 * the echoed message was about a twentieth of the node's CPU in a burst, and nothing reads it). An
 * error answer goes through the library's own parsing, so error code and {@code retry_after} come
 * out as before.
 */
final class TextMessage extends SendMessage {

  private static final Message ACCEPTED = new Message();

  private TextMessage(long chatId, String text) {
    super(SendMessage.builder().chatId(chatId).text(text));
  }

  static TextMessage to(long chatId, String text) {
    return new TextMessage(chatId, text);
  }

  @Override
  public Message deserializeResponse(String answer) throws TelegramApiRequestException {
    if (isOk(answer)) {
      return ACCEPTED;
    }
    return super.deserializeResponse(answer);
  }

  /** Reads the top-level fields until {@code ok}, skipping the others without binding them. */
  static boolean isOk(String answer) {
    try (JsonParser json = OBJECT_MAPPER.getFactory().createParser(answer)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if ("ok".equals(field)) {
          return value == JsonToken.VALUE_TRUE;
        }
        json.skipChildren();
      }
      return false;
    } catch (IOException e) {
      return false; // malformed: the library's parsing reports it
    }
  }
}
