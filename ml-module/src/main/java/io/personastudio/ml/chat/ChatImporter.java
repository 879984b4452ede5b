package io.personastudio.ml.chat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Entry point of chat import: detects the format of an export and streams its messages. The format
 * is detected, never configured.
 */
public final class ChatImporter {
  private static final int SNIFF_BYTES = 64 * 1024;

  /** Detects the export format from the first bytes of the file. */
  public ChatFormat detect(Path file) {
    byte[] head = head(file);
    if (head.length == 0) {
      throw new ChatImportException(file, "byte offset 0", "empty file: no chat to import");
    }
    if (head.length >= 2
        && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
            || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
      throw new ChatImportException(
          file, "byte offset 0", "wrong encoding: UTF-16 text; export the chat again as UTF-8");
    }
    for (int i = 0; i < head.length; i++) {
      if (head[i] == 0) {
        throw new ChatImportException(
            file,
            "byte offset " + i,
            "wrong encoding or binary file: NUL byte; expected UTF-8 text");
      }
    }
    String text = new String(head, StandardCharsets.UTF_8);
    String trimmed = WhatsAppHeader.stripMarks(text).stripLeading();
    if (trimmed.startsWith("{")) {
      return ChatFormat.TELEGRAM_JSON;
    }
    int lineNo = 0;
    for (String line : trimmed.split("\\R", 50)) {
      lineNo++;
      if (!line.isBlank() && WhatsAppHeader.parse(WhatsAppHeader.stripMarks(line)) != null) {
        return ChatFormat.WHATSAPP_TEXT;
      }
    }
    String first = trimmed.lines().findFirst().orElse("");
    throw new ChatImportException(
        file,
        "line 1",
        "unknown format: neither a Telegram Desktop JSON export nor a WhatsApp text export"
            + " (starts with '"
            + (first.length() > 60 ? first.substring(0, 60) + "..." : first)
            + "')");
  }

  /**
   * Streams the messages of the chat to the sink in export order; returns the chat's name.
   *
   * @param chat name or id of the chat in a Telegram full-account export; null picks the only one
   * @throws ChatImportException for unreadable, malformed or empty exports
   */
  public String stream(Path file, String chat, Consumer<ChatMessage> sink) {
    ChatFormat format = detect(file);
    long[] count = new long[1];
    Consumer<ChatMessage> counting =
        m -> {
          count[0]++;
          sink.accept(m);
        };
    String name;
    if (format == ChatFormat.TELEGRAM_JSON) {
      name = new TelegramJsonParser(file).parse(new ChatSelector(chat), counting);
    } else {
      new WhatsAppTextParser(file).parse(counting);
      name = file.getFileName().toString();
    }
    if (count[0] == 0) {
      throw new ChatImportException(file, "", "empty chat: the export holds no messages");
    }
    return name;
  }

  /** Reads the whole chat into memory (for training; use {@link #stream} for statistics). */
  public ImportedChat read(Path file, String chat) {
    List<ChatMessage> messages = new ArrayList<>();
    String name = stream(file, chat, messages::add);
    return new ImportedChat(name, detect(file), messages);
  }

  /** Participants with statistics, most active first, in memory bounded by the senders. */
  public List<Participant> participants(Path file, String chat) {
    ParticipantStatistics stats = new ParticipantStatistics();
    stream(file, chat, stats);
    return stats.participants();
  }

  private static byte[] head(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(SNIFF_BYTES);
    } catch (NoSuchFileException e) {
      throw new ChatImportException(file, "", "no such file");
    } catch (IOException e) {
      throw new ChatImportException(file, "", "cannot read: " + e.getMessage(), e);
    }
  }
}
