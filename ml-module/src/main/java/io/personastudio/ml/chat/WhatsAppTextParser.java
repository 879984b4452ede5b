package io.personastudio.ml.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams a WhatsApp text export line by line. A first pass decides whether dates are day-first or
 * month-first (a field above 12 decides; otherwise the reading whose dates go backwards less often
 * wins); the second pass emits messages. Multi-line messages are joined, system lines skipped.
 */
final class WhatsAppTextParser {
  private static final Pattern SENDER = Pattern.compile("^([^:\"]{1,60}?):[ \\u00A0]?(.*)$");
  private static final Pattern MEDIA =
      Pattern.compile(
          "^(<Media omitted>|<attached: .*>|(image|video|audio|sticker|GIF|document|Contact card)"
              + " omitted|.* \\(file attached\\))$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DELETED =
      Pattern.compile(
          "^(This message was deleted\\.?|You deleted this message\\.?|null)$",
          Pattern.CASE_INSENSITIVE);
  private static final String EDITED = "<This message was edited>";
  private static final int SAMPLE_HEADERS = 20_000;

  private final Path file;
  private final String shown;

  WhatsAppTextParser(Path file, String shown) {
    this.file = file;
    this.shown = shown;
  }

  void parse(Consumer<ChatMessage> sink) {
    boolean dayFirst = detectDayFirst();
    Pending pending = new Pending();
    long lineNo = 0;
    try (ExportInput input = new ExportInput(file, shown)) {
      try {
        BufferedReader reader = input.reader();
        String raw;
        while ((raw = reader.readLine()) != null) {
          lineNo++;
          String line = WhatsAppHeader.stripMarks(raw);
          WhatsAppHeader header = WhatsAppHeader.parse(line);
          if (header == null) {
            if (pending.text != null) {
              pending.text.append('\n').append(line);
            } else if (!line.isBlank()) {
              throw new ChatImportException(
                  shown,
                  "line " + lineNo,
                  "unknown format: a WhatsApp line must start with a date");
            }
            continue;
          }
          pending.flush(sink);
          Instant time = time(header, dayFirst, lineNo);
          Matcher sender = SENDER.matcher(header.body());
          if (sender.matches()) {
            pending.start(lineNo, sender.group(1).strip(), time, sender.group(2));
          }
        }
        pending.flush(sink);
      } catch (CharacterCodingException e) {
        throw new ChatImportException(
            shown,
            "line " + (lineNo + 1) + ", near byte offset " + input.byteOffset(),
            "wrong encoding: the file is not UTF-8 text; export the chat again as UTF-8",
            e);
      }
    } catch (IOException e) {
      throw new ChatImportException(shown, "", ChatImporter.cannotRead(e, file, shown), e);
    }
  }

  private Instant time(WhatsAppHeader h, boolean dayFirst, long lineNo) {
    int year;
    int month;
    int day;
    if (h.yearFirst()) {
      year = h.first();
      month = h.second();
      day = h.third();
    } else {
      year = fullYear(h.third());
      month = dayFirst ? h.second() : h.first();
      day = dayFirst ? h.first() : h.second();
    }
    try {
      return LocalDateTime.of(year, month, day, h.hour(), h.minute(), h.sec())
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new ChatImportException(shown, "line " + lineNo, "invalid date: " + e.getMessage(), e);
    }
  }

  static int fullYear(int year) {
    if (year >= 100) {
      return year;
    }
    int century = Year.now(ZoneOffset.UTC).getValue() % 100;
    return year <= century + 1 ? 2000 + year : 1900 + year;
  }

  /** Decides the date order from the headers of the file. */
  private boolean detectDayFirst() {
    int[] prevDayFirst = null;
    int[] prevMonthFirst = null;
    long backwardsDayFirst = 0;
    long backwardsMonthFirst = 0;
    int seen = 0;
    try (ExportInput input = new ExportInput(file, shown)) {
      BufferedReader reader = input.reader();
      String raw;
      while ((raw = reader.readLine()) != null && seen < SAMPLE_HEADERS) {
        WhatsAppHeader h = WhatsAppHeader.parse(WhatsAppHeader.stripMarks(raw));
        if (h == null || h.yearFirst()) {
          continue;
        }
        seen++;
        if (h.first() > 12) {
          return true;
        }
        if (h.second() > 12) {
          return false;
        }
        int year = fullYear(h.third());
        int[] df = {year, h.second(), h.first(), h.hour(), h.minute()};
        int[] mf = {year, h.first(), h.second(), h.hour(), h.minute()};
        if (prevDayFirst != null && compare(df, prevDayFirst) < 0) {
          backwardsDayFirst++;
        }
        if (prevMonthFirst != null && compare(mf, prevMonthFirst) < 0) {
          backwardsMonthFirst++;
        }
        prevDayFirst = df;
        prevMonthFirst = mf;
      }
    } catch (CharacterCodingException e) {
      return true; // the main pass reports the encoding problem with its line number
    } catch (IOException e) {
      throw new ChatImportException(shown, "", ChatImporter.cannotRead(e, file, shown), e);
    }
    return backwardsDayFirst <= backwardsMonthFirst;
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }

  /** The message being assembled: continuation lines belong to it until the next header. */
  private static final class Pending {
    private long line;
    private String sender;
    private Instant time;
    private StringBuilder text;

    void start(long line, String sender, Instant time, String firstLine) {
      this.line = line;
      this.sender = sender;
      this.time = time;
      this.text = new StringBuilder(firstLine);
    }

    void flush(Consumer<ChatMessage> sink) {
      if (text == null) {
        return;
      }
      String body = text.toString().strip();
      text = null;
      boolean edited = false;
      if (body.endsWith(EDITED)) {
        body = body.substring(0, body.length() - EDITED.length()).strip();
        edited = true;
      }
      if (DELETED.matcher(body).matches()) {
        return;
      }
      boolean media = MEDIA.matcher(body).matches();
      sink.accept(
          new ChatMessage(
              String.valueOf(line),
              sender,
              sender,
              time,
              media ? "" : body,
              false,
              media,
              null,
              edited));
    }
  }
}
