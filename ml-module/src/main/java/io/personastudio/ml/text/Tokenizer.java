package io.personastudio.ml.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Unicode word tokens (letters, digits, inner apostrophes), lower-cased; '?' and '!' kept. */
public final class Tokenizer {
  private Tokenizer() {}

  public static List<String> words(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int n = text.length();
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      boolean apostrophe = cp == '\'' || cp == '\u2019';
      if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(Character.toLowerCase(cp));
      } else if (apostrophe
          && word.length() > 0
          && next < n
          && Character.isLetter(text.codePointAt(next))) {
        word.append('\'');
      } else {
        flush(word, tokens);
        if (cp == '?' || cp == '!') {
          tokens.add(String.valueOf((char) cp));
        }
      }
      i = next;
    }
    flush(word, tokens);
    return tokens;
  }

  private static void flush(StringBuilder word, List<String> tokens) {
    if (word.length() > 0) {
      tokens.add(word.toString().toLowerCase(Locale.ROOT));
      word.setLength(0);
    }
  }
}
