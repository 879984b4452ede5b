package io.personastudio.ml.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Unicode word tokens (letters, digits, inner apostrophes), lower-cased; '?' and '!' kept. */
public final class Tokenizer {
  private Tokenizer() {}

  public static List<String> words(String text) {
    List<String> tokens = new ArrayList<>();
    int n = text.length();
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        int end = wordEnd(text, i);
        tokens.add(word(text, i, end));
        i = end;
      } else {
        if (cp == '?' || cp == '!') {
          tokens.add(String.valueOf((char) cp));
        }
        i += Character.charCount(cp);
      }
    }
    return tokens;
  }

  /**
   * Where the word starting at {@code start} (a letter or digit) ends: letters and digits, with an
   * apostrophe (' or U+2019) inside the word when a letter follows it.
   */
  public static int wordEnd(String text, int start) {
    int n = text.length();
    int i = start;
    while (i < n) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)
          || (isApostrophe(cp) && next < n && Character.isLetter(text.codePointAt(next)))) {
        i = next;
      } else {
        break;
      }
    }
    return i;
  }

  /** The token of the word {@code text[start, end)}: lower-cased, apostrophes as '. */
  public static String word(String text, int start, int end) {
    StringBuilder word = new StringBuilder(end - start);
    for (int i = start; i < end; ) {
      int cp = text.codePointAt(i);
      if (isApostrophe(cp)) {
        word.append('\'');
      } else {
        word.appendCodePoint(Character.toLowerCase(cp));
      }
      i += Character.charCount(cp);
    }
    return word.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean isApostrophe(int cp) {
    return cp == '\'' || cp == '\u2019';
  }
}
