package io.personastudio.infrastructure.training;

import io.personastudio.ml.chat.ChatMessage;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/**
 * The import's processor: keeps what someone wrote, drops (filters) what is not their own writing
 * (forwarded messages, media without a caption), and refuses a bad record with a reason that names
 * its place in the export, never its text: the step skips it and the run counts it.
 */
@Named
@Dependent
public class MessageCheck implements ItemProcessor {

  /** Telegram allows 4,096 characters a message, WhatsApp 65,536; longer is not chat writing. */
  static final int MAX_CHARS = 65_536;

  @Override
  public Object processItem(Object item) throws BadRecord {
    ImportedMessage read = (ImportedMessage) item;
    ChatMessage m = read.message();
    if (m.forwarded() || m.media() && m.text().isBlank()) {
      return null;
    }
    String where =
        "message " + (read.position() + 1) + (m.id() == null ? "" : " (id " + m.id() + ")");
    if (m.time() == null) {
      throw new BadRecord(where + ": no date");
    }
    if (m.senderName() == null || m.senderName().isBlank()) {
      throw new BadRecord(where + ": no sender");
    }
    if (m.text().length() > MAX_CHARS) {
      throw new BadRecord(
          where + ": " + m.text().length() + " characters, more than " + MAX_CHARS + " allowed");
    }
    String problem = badCharacter(m.text());
    if (problem == null) {
      problem = badCharacter(m.senderName());
    }
    if (problem != null) {
      throw new BadRecord(where + ": " + problem);
    }
    return read;
  }

  /** What makes the text unstorable as UTF-8, or null. */
  static String badCharacter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        return "a NUL character at " + (i + 1);
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return "broken Unicode (a lone surrogate) at character " + (i + 1);
      }
      if (Character.isLowSurrogate(c)) {
        return "broken Unicode (a lone surrogate) at character " + (i + 1);
      }
    }
    return null;
  }
}
