package io.personastudio.testing.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/** Small WhatsApp (Android) exports for tests: two people, the second one is the persona. */
public final class Chats {

  private static final DateTimeFormatter WHATSAPP_US = DateTimeFormatter.ofPattern("M/d/yy, HH:mm");
  private static final String[] WORDS = {
    "coffee", "train", "weather", "rain", "movie", "book", "garden", "dinner", "tea", "walk"
  };

  private Chats() {}

  public static String whatsApp(String other, String person, int messages, String personLine) {
    Random random = new Random(messages);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < messages; i++) {
      String who = i % 2 == 0 ? other : person;
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 3 + random.nextInt(5); w++) {
        text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      }
      text.append(who.equals(person) ? personLine : "?");
      LocalDateTime at = LocalDateTime.of(2024, 1, 1, 9, 0).plusMinutes(i);
      out.append(String.format("%s - %s: %s%n", at.format(WHATSAPP_US), who, text));
    }
    return out.toString();
  }
}
