package io.personastudio.ml.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A chat export that came as a zip: WhatsApp on iPhone ({@code _chat.txt} inside), WhatsApp on
 * Android with media ({@code WhatsApp Chat with ….txt} and the media files), a zipped Telegram
 * export ({@code result.json}). Only the chat is unpacked, into a file of the caller's; the archive
 * is refused beyond its {@link ZipLimits}. Entry names are only compared, never used as paths, so a
 * name like {@code ../../x} cannot write anywhere. Errors name the zip as its owner called it.
 */
public final class ZippedExport {
  private static final long RATIO_GRACE_BYTES = 1 << 20;
  private static final List<String> CHAT_NAMES = List.of("_chat.txt", "result.json");

  private ZippedExport() {}

  /** Whether the file starts like a zip archive (local file header or an empty archive). */
  public static boolean isZip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      return head.length == 4
          && head[0] == 'P'
          && head[1] == 'K'
          && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
    }
  }

  /**
   * Unpacks the chat of the zip into {@code target}.
   *
   * @param shown the zip's name as its owner knows it, for errors
   * @return the name of the chat inside the zip
   * @throws ChatImportException for a damaged zip, one without a chat or beyond the limits
   */
  public static String extract(Path zip, String shown, ZipLimits limits, Path target) {
    try (ZipFile archive = open(zip, shown)) {
      if (archive.size() > limits.maxEntries()) {
        throw refused(
            shown,
            "the zip holds "
                + archive.size()
                + " files; at most "
                + limits.maxEntries()
                + " are accepted. Export the chat without media");
      }
      long declared = 0;
      List<ZipEntry> candidates = new ArrayList<>();
      List<String> nestedZips = new ArrayList<>();
      for (ZipEntry entry : Collections.list(archive.entries())) {
        declared += Math.max(0, entry.getSize());
        String name = baseName(entry.getName());
        if (entry.isDirectory()
            || entry.getName().startsWith("__MACOSX/")
            || name.startsWith("._")) {
          continue;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".txt") || lower.endsWith(".json")) {
          candidates.add(entry);
        } else if (lower.endsWith(".zip")) {
          nestedZips.add(entry.getName());
        }
      }
      if (declared > limits.maxUnpackedBytes()) {
        throw refused(
            shown,
            "unpacked, the zip would take "
                + megabytes(declared)
                + " MB; at most "
                + megabytes(limits.maxUnpackedBytes())
                + " MB are accepted. Export the chat without media");
      }
      ZipEntry chat = chatOf(candidates, nestedZips, shown);
      long compressed = Math.min(Math.max(chat.getCompressedSize(), 0), Files.size(zip));
      unpack(archive, chat, compressed, shown, limits, target);
      return chat.getName();
    } catch (IOException e) {
      throw new ChatImportException(shown, "", ChatImporter.cannotRead(e, zip, shown), e);
    }
  }

  private static ZipFile open(Path zip, String shown) throws IOException {
    try {
      return new ZipFile(zip.toFile());
    } catch (ZipException e) {
      throw new ChatImportException(
          shown, "", "damaged zip archive (" + e.getMessage() + "); zip the export again", e);
    }
  }

  private static ZipEntry chatOf(List<ZipEntry> candidates, List<String> nestedZips, String shown) {
    for (String known : CHAT_NAMES) {
      List<ZipEntry> named =
          candidates.stream().filter(e -> baseName(e.getName()).equals(known)).toList();
      if (named.size() == 1) {
        return named.get(0);
      }
    }
    List<ZipEntry> whatsApp =
        candidates.stream()
            .filter(e -> baseName(e.getName()).toLowerCase(Locale.ROOT).startsWith("whatsapp"))
            .toList();
    if (whatsApp.size() == 1) {
      return whatsApp.get(0);
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    if (candidates.isEmpty()) {
      throw refused(
          shown,
          nestedZips.isEmpty()
              ? "no chat inside the zip: expected _chat.txt (WhatsApp on iPhone), 'WhatsApp Chat"
                  + " with ….txt' (Android) or result.json (Telegram)"
              : "the zip holds another zip (" + nestedZips.get(0) + "); upload the inner file");
    }
    throw refused(
        shown,
        "the zip holds "
            + candidates.size()
            + " text files and none is clearly the chat ("
            + String.join(", ", candidates.stream().limit(5).map(ZipEntry::getName).toList())
            + "); upload the chat file itself");
  }

  private static void unpack(
      ZipFile archive, ZipEntry chat, long compressed, String shown, ZipLimits limits, Path target)
      throws IOException {
    long written = 0;
    try (InputStream in = archive.getInputStream(chat);
        OutputStream out = Files.newOutputStream(target)) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        written += n;
        if (written > limits.maxChatBytes()) {
          throw refused(
              shown,
              "the chat inside the zip ("
                  + chat.getName()
                  + ") unpacks to more than "
                  + megabytes(limits.maxChatBytes())
                  + " MB, the largest accepted");
        }
        if (written > RATIO_GRACE_BYTES && written > compressed * limits.maxRatio()) {
          throw refused(
              shown,
              "the chat inside the zip ("
                  + chat.getName()
                  + ") unpacks to more than "
                  + limits.maxRatio()
                  + " times its packed size; refused as a zip bomb");
        }
        out.write(buffer, 0, n);
      }
    } catch (ZipException e) {
      throw new ChatImportException(
          shown, chat.getName(), "damaged zip entry (" + e.getMessage() + ")", e);
    }
  }

  private static ChatImportException refused(String shown, String problem) {
    return new ChatImportException(shown, "", problem);
  }

  private static long megabytes(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }

  static String baseName(String name) {
    return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  }
}
