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
 * is detected, never configured. Errors name the file by its path (the command line, where the file
 * is the user's own) or, for an importer {@link #showing} a name, by the name its owner gave it, so
 * a server never tells a client where it keeps uploads.
 */
public final class ChatImporter {
  private static final int SNIFF_BYTES = 64 * 1024;

  private final String shownName;

  /** Errors name the file by its path. */
  public ChatImporter() {
    this(null);
  }

  private ChatImporter(String shownName) {
    this.shownName = shownName;
  }

  /** An importer whose errors call every file it reads by this name (e.g. the uploaded name). */
  public static ChatImporter showing(String fileName) {
    String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
    return new ChatImporter(name);
  }

  private String shown(Path file) {
    return shownName != null ? shownName : file.toString();
  }

  /** An I/O error's reason without the file's own path (some exceptions carry it). */
  static String cannotRead(IOException e, Path file, String shown) {
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return "cannot read: " + reason.replace(file.toString(), shown);
  }

  /** Detects the export format from the first bytes of the file. */
  public ChatFormat detect(Path file) {
    String shown = shown(file);
    byte[] head = head(file, shown);
    if (head.length == 0) {
      throw new ChatImportException(shown, "byte offset 0", "empty file: no chat to import");
    }
    if (head.length >= 2
        && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
            || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
      throw new ChatImportException(
          shown, "byte offset 0", "wrong encoding: UTF-16 text; export the chat again as UTF-8");
    }
    for (int i = 0; i < head.length; i++) {
      if (head[i] == 0) {
        throw new ChatImportException(
            shown,
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
        shown,
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
      name = new TelegramJsonParser(file, shown(file)).parse(new ChatSelector(chat), counting);
    } else {
      new WhatsAppTextParser(file, shown(file)).parse(counting);
      name = shownName != null ? baseName(shownName) : file.getFileName().toString();
    }
    if (count[0] == 0) {
      throw new ChatImportException(shown(file), "", "empty chat: the export holds no messages");
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

  private static String baseName(String name) {
    return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  }

  private static byte[] head(Path file, String shown) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(SNIFF_BYTES);
    } catch (NoSuchFileException e) {
      throw new ChatImportException(shown, "", "no such file");
    } catch (IOException e) {
      throw new ChatImportException(shown, "", cannotRead(e, file, shown), e);
    }
  }
}
