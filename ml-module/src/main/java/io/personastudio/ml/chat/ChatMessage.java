package io.personastudio.ml.chat;

import java.time.Instant;

/**
 * One message of a chat as exported.
 *
 * @param id the export's message id (Telegram) or the line number (WhatsApp)
 * @param senderId stable sender id (Telegram {@code from_id}, WhatsApp: the name)
 * @param senderName display name
 * @param time when it was sent (local export times are read as UTC)
 * @param text the text, possibly empty for media without caption
 * @param forwarded forwarded from someone else: never the sender's own writing
 * @param media carries a photo, file, sticker, voice...
 * @param replyToId id of the message this one replies to, or null
 * @param edited edited after sending (the export keeps the final text)
 */
public record ChatMessage(
    String id,
    String senderId,
    String senderName,
    Instant time,
    String text,
    boolean forwarded,
    boolean media,
    String replyToId,
    boolean edited) {

  /** Marker used in place of a media message without caption. */
  public static final String MEDIA_MARKER = "<media>";

  public ChatMessage {
    text = text == null ? "" : text;
  }

  /** Number of whitespace-separated words of the text. */
  public int wordCount() {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }
}
