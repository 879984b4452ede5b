package io.personastudio.ml.chat;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams a Telegram Desktop JSON export (single chat or full account) with Gson's {@link
 * JsonReader}: memory stays bounded by one message, whatever the file size.
 */
final class TelegramJsonParser {
  private static final Set<String> MEDIA_KEYS =
      Set.of(
          "photo",
          "file",
          "media_type",
          "sticker_emoji",
          "poll",
          "contact_information",
          "location_information",
          "game_title",
          "invoice_information",
          "place_name");
  private static final Pattern GSON_LOCATION = Pattern.compile("line (\\d+) column (\\d+)");

  private final Path file;
  private final String shown;

  TelegramJsonParser(Path file, String shown) {
    this.file = file;
    this.shown = shown;
  }

  /** Streams the messages of the selected chat to the sink; returns the chat's name. */
  String parse(ChatSelector selector, Consumer<ChatMessage> sink) {
    String[] found = new String[1];
    walk(
        selector,
        (name, id) -> {
          if (found[0] != null) {
            throw tooManyChats();
          }
          found[0] = name == null ? String.valueOf(id) : name;
          return true;
        },
        sink);
    if (found[0] == null) {
      List<String> chats = listChats();
      throw new ChatImportException(
          shown,
          "",
          (selector.isAny()
                  ? "no chat with messages in this export"
                  : "no chat named or with id '" + selector.nameOrId() + "'")
              + "; chats in this export: "
              + String.join(", ", chats.subList(0, Math.min(chats.size(), 15))));
    }
    return found[0];
  }

  private ChatImportException tooManyChats() {
    List<String> chats = listChats();
    return new ChatImportException(
        shown,
        "",
        "full-account export holds "
            + chats.size()
            + " chats; pick one with --chat NAME_OR_ID: "
            + String.join(", ", chats.subList(0, Math.min(chats.size(), 15))));
  }

  /** Names (or ids) of all chats in the export, without reading their messages. */
  List<String> listChats() {
    List<String> names = new ArrayList<>();
    walk(
        new ChatSelector(null),
        (name, id) -> {
          names.add(name == null ? String.valueOf(id) : name + " (id " + id + ")");
          return false;
        },
        m -> {});
    return names;
  }

  interface ChatVisitor {
    /** Returns true to read this chat's messages. */
    boolean visit(String name, String id);
  }

  private void walk(ChatSelector selector, ChatVisitor visitor, Consumer<ChatMessage> sink) {
    try (ExportInput input = new ExportInput(file, shown);
        JsonReader json = new JsonReader(input.reader())) {
      try {
        if (json.peek() != JsonToken.BEGIN_OBJECT) {
          throw invalid(json, "expected a JSON object at the top of a Telegram export", null);
        }
        readChatOrAccount(json, selector, visitor, sink, true);
        if (json.peek() != JsonToken.END_DOCUMENT) {
          throw invalid(json, "unexpected content after the export object", null);
        }
      } catch (CharacterCodingException e) {
        throw input.encodingError(e);
      } catch (EOFException e) {
        throw invalid(json, "truncated JSON: the file ends in the middle of the export", e);
      } catch (MalformedJsonException | IllegalStateException | NumberFormatException e) {
        throw invalid(json, "invalid JSON: " + e.getMessage(), e);
      }
    } catch (IOException e) {
      throw new ChatImportException(shown, "", ChatImporter.cannotRead(e, file, shown), e);
    }
  }

  /** Reads an object that is either a chat (name, id, messages) or a full account export. */
  private void readChatOrAccount(
      JsonReader json,
      ChatSelector selector,
      ChatVisitor visitor,
      Consumer<ChatMessage> sink,
      boolean top)
      throws IOException {
    json.beginObject();
    String name = null;
    String id = null;
    while (json.hasNext()) {
      String key = json.nextName();
      switch (key) {
        case "name" -> name = nullableString(json);
        case "id" -> id = nullableString(json);
        case "messages" -> {
          boolean wanted = selector.matches(name, id) && visitor.visit(name, id);
          if (wanted) {
            readMessages(json, sink);
          } else {
            json.skipValue();
          }
        }
        case "chats", "left_chats" -> {
          if (top && json.peek() == JsonToken.BEGIN_OBJECT) {
            readChatList(json, selector, visitor, sink);
          } else {
            json.skipValue();
          }
        }
        default -> json.skipValue();
      }
    }
    json.endObject();
  }

  private void readChatList(
      JsonReader json, ChatSelector selector, ChatVisitor visitor, Consumer<ChatMessage> sink)
      throws IOException {
    json.beginObject();
    while (json.hasNext()) {
      if (json.nextName().equals("list") && json.peek() == JsonToken.BEGIN_ARRAY) {
        json.beginArray();
        while (json.hasNext()) {
          readChatOrAccount(json, selector, visitor, sink, false);
        }
        json.endArray();
      } else {
        json.skipValue();
      }
    }
    json.endObject();
  }

  private void readMessages(JsonReader json, Consumer<ChatMessage> sink) throws IOException {
    json.beginArray();
    while (json.hasNext()) {
      ChatMessage message = readMessage(json);
      if (message != null) {
        sink.accept(message);
      }
    }
    json.endArray();
  }

  private ChatMessage readMessage(JsonReader json) throws IOException {
    json.beginObject();
    String id = null;
    String type = "message";
    String date = null;
    String unixTime = null;
    String from = null;
    String fromId = null;
    boolean forwarded = false;
    boolean media = false;
    boolean edited = false;
    String replyTo = null;
    String text = "";
    while (json.hasNext()) {
      String key = json.nextName();
      switch (key) {
        case "id" -> id = nullableString(json);
        case "type" -> type = nullableString(json);
        case "date" -> date = nullableString(json);
        case "date_unixtime" -> unixTime = nullableString(json);
        case "from" -> from = nullableString(json);
        case "from_id" -> fromId = nullableString(json);
        case "forwarded_from", "forwarded_from_id" -> {
          json.skipValue();
          forwarded = true;
        }
        case "reply_to_message_id" -> replyTo = nullableString(json);
        case "edited", "edited_unixtime" -> {
          json.skipValue();
          edited = true;
        }
        case "text" -> text = readText(json);
        default -> {
          if (MEDIA_KEYS.contains(key)) {
            media = true;
          }
          json.skipValue();
        }
      }
    }
    json.endObject();
    if (!"message".equals(type)) {
      return null;
    }
    Instant time = time(json, unixTime, date);
    String senderId = fromId != null ? fromId : (from != null ? from : "unknown");
    String senderName = from != null ? from : "Deleted Account";
    return new ChatMessage(
        id, senderId, senderName, time, text.strip(), forwarded, media, replyTo, edited);
  }

  private Instant time(JsonReader json, String unixTime, String date) {
    try {
      if (unixTime != null) {
        return Instant.ofEpochSecond(Long.parseLong(unixTime.trim()));
      }
      if (date != null) {
        return LocalDateTime.parse(date).toInstant(ZoneOffset.UTC);
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw invalid(json, "message with an unreadable date '" + date + "'", e);
    }
    throw invalid(json, "message without a date", null);
  }

  /** {@code text} is a string or an array of strings and entity objects with a "text" field. */
  private static String readText(JsonReader json) throws IOException {
    JsonToken token = json.peek();
    if (token == JsonToken.STRING || token == JsonToken.NUMBER) {
      return json.nextString();
    }
    if (token != JsonToken.BEGIN_ARRAY) {
      json.skipValue();
      return "";
    }
    StringBuilder text = new StringBuilder();
    json.beginArray();
    while (json.hasNext()) {
      if (json.peek() == JsonToken.STRING) {
        text.append(json.nextString());
      } else if (json.peek() == JsonToken.BEGIN_OBJECT) {
        json.beginObject();
        while (json.hasNext()) {
          if (json.nextName().equals("text") && json.peek() == JsonToken.STRING) {
            text.append(json.nextString());
          } else {
            json.skipValue();
          }
        }
        json.endObject();
      } else {
        json.skipValue();
      }
    }
    json.endArray();
    return text.toString();
  }

  private static String nullableString(JsonReader json) throws IOException {
    JsonToken token = json.peek();
    if (token == JsonToken.NULL) {
      json.nextNull();
      return null;
    }
    if (token == JsonToken.STRING || token == JsonToken.NUMBER) {
      return json.nextString();
    }
    if (token == JsonToken.BOOLEAN) {
      return String.valueOf(json.nextBoolean());
    }
    json.skipValue();
    return null;
  }

  private ChatImportException invalid(JsonReader json, String problem, Throwable cause) {
    Matcher m = GSON_LOCATION.matcher(json.toString());
    String where = m.find() ? "line " + m.group(1) + ", column " + m.group(2) : "";
    return new ChatImportException(shown, where, problem, cause);
  }
}
