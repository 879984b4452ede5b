package io.personastudio.infrastructure.training;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes messages as a Telegram single-chat export, the input the training worker reads. The caller
 * owns the writer; {@link #close()} ends the document (not the writer).
 */
final class TrainingExport implements AutoCloseable {

  private static final DateTimeFormatter TELEGRAM_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private final JsonWriter json;
  private int count;

  TrainingExport(Writer out) throws IOException {
    json = new JsonWriter(out);
    json.beginObject().name("name").value("persona").name("type").value("private_group");
    json.name("id").value(1).name("messages").beginArray();
  }

  void add(String sender, Instant sent, String text) throws IOException {
    json.beginObject()
        .name("id")
        .value(++count)
        .name("type")
        .value("message")
        .name("date")
        .value(TELEGRAM_DATE.format(sent.atOffset(ZoneOffset.UTC)))
        .name("from")
        .value(sender)
        .name("from_id")
        .value("user" + Integer.toHexString(sender.hashCode()))
        .name("text")
        .value(text)
        .endObject();
  }

  int count() {
    return count;
  }

  @Override
  public void close() throws IOException {
    json.endArray().endObject();
    json.flush();
  }
}
