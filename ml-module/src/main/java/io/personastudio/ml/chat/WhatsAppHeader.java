package io.personastudio.ml.chat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line header of a WhatsApp text export, in the Android ({@code 5/25/83, 09:00 - }) and iOS
 * ({@code [25.05.80, 09:00:20] }) shapes, with 12-hour markers such as {@code a. m.} and the
 * non-breaking spaces some locales use.
 */
record WhatsAppHeader(
    int first,
    int second,
    int third,
    boolean yearFirst,
    int hour,
    int minute,
    int sec,
    String body) {

  private static final String SP = "[ \\u00A0\\u202F\\u2009]";
  private static final Pattern HEADER =
      Pattern.compile(
          "^\\[?(\\d{1,4})[./-](\\d{1,2})[./-](\\d{1,4}),?"
              + SP
              + "+(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?"
              + "(?:"
              + SP
              + "*([aApP])\\.?"
              + SP
              + "*[mM]\\.?)?"
              + "(?:\\]"
              + SP
              + "*|"
              + SP
              + "+[-\\u2013]"
              + SP
              + "+)(.*)$");

  /** Parses a line (directional marks already removed), or returns null if it is no header. */
  static WhatsAppHeader parse(String line) {
    Matcher m = HEADER.matcher(line);
    if (!m.matches()) {
      return null;
    }
    String a = m.group(1);
    int hour = Integer.parseInt(m.group(4));
    int minute = Integer.parseInt(m.group(5));
    int sec = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
    String ampm = m.group(7);
    if (ampm != null) {
      boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
      if (hour == 12) {
        hour = pm ? 12 : 0;
      } else if (pm) {
        hour += 12;
      }
    }
    if (hour > 23 || minute > 59 || sec > 59) {
      return null;
    }
    return new WhatsAppHeader(
        Integer.parseInt(a),
        Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)),
        a.length() == 4,
        hour,
        minute,
        sec,
        m.group(8));
  }

  /** Removes the directional marks WhatsApp scatters over lines (U+200E and friends). */
  static String stripMarks(String line) {
    StringBuilder out = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean mark =
          c == '\u200E' || c == '\u200F' || c == '\uFEFF' || (c >= '\u202A' && c <= '\u202E');
      if (mark && out == null) {
        out = new StringBuilder(line.length()).append(line, 0, i);
      } else if (!mark && out != null) {
        out.append(c);
      }
    }
    return out == null ? line : out.toString();
  }
}
