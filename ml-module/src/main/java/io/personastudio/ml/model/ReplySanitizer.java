package io.personastudio.ml.model;

/** Makes a reply safe to send: no control characters, no lone surrogates, bounded length. */
final class ReplySanitizer {
  static final int MAX_CHARS = 2000;

  private ReplySanitizer() {}

  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS));
    for (int i = 0; i < text.length() && out.length() < MAX_CHARS; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      boolean lone = Character.isSurrogate((char) cp) && Character.charCount(cp) == 1;
      if (lone || (Character.isISOControl(cp) && cp != '\n')) {
        continue;
      }
      if (out.length() + Character.charCount(cp) > MAX_CHARS) {
        break;
      }
      out.appendCodePoint(cp);
    }
    return out.toString().strip();
  }
}
