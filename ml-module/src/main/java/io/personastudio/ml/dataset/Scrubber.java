package io.personastudio.ml.dataset;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces personal data by placeholders: e-mail, links, card numbers (Luhn), phone numbers. */
public final class Scrubber {
  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.\\p{L}{2,}");
  private static final Pattern LINK =
      Pattern.compile(
          "(?i)\\b(?:https?://|www\\.|t\\.me/)\\S+|\\b[a-z0-9-]+\\.(?:com|org|net|ru|io|me)(?:/\\S*)?\\b");
  private static final Pattern CARD = Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b");
  private static final Pattern PHONE =
      Pattern.compile("(?<![\\p{L}\\p{N}])\\+?\\d[\\d ()\\-]{5,}\\d(?![\\p{L}\\p{N}])");

  private Scrubber() {}

  public static String scrub(String text) {
    String out = EMAIL.matcher(text).replaceAll("<email>");
    out = LINK.matcher(out).replaceAll("<link>");
    Matcher card = CARD.matcher(out);
    StringBuilder sb = new StringBuilder();
    while (card.find()) {
      card.appendReplacement(
          sb, luhn(card.group()) ? "<card>" : Matcher.quoteReplacement(card.group()));
    }
    card.appendTail(sb);
    out = sb.toString();
    Matcher phone = PHONE.matcher(out);
    sb = new StringBuilder();
    while (phone.find()) {
      long digits = phone.group().chars().filter(Character::isDigit).count();
      phone.appendReplacement(
          sb, digits >= 7 && digits <= 15 ? "<phone>" : Matcher.quoteReplacement(phone.group()));
    }
    phone.appendTail(sb);
    return sb.toString();
  }

  static boolean luhn(String candidate) {
    int sum = 0;
    boolean alternate = false;
    int digits = 0;
    for (int i = candidate.length() - 1; i >= 0; i--) {
      char c = candidate.charAt(i);
      if (!Character.isDigit(c)) {
        continue;
      }
      int d = c - '0';
      digits++;
      if (alternate) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      alternate = !alternate;
    }
    return digits >= 13 && digits <= 19 && sum % 10 == 0;
  }
}
