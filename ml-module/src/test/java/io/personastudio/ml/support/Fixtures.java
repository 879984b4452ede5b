package io.personastudio.ml.support;

import io.personastudio.ml.chat.ChatFormat;
import io.personastudio.ml.chat.ChatMessage;
import io.personastudio.ml.chat.ImportedChat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small synthetic chats for tests: Bob asks, Alice answers in her own lowercase style. */
public final class Fixtures {
  private static final String[] TOPICS = {
    "coffee",
    "movie",
    "dinner",
    "concert",
    "football",
    "homework",
    "weekend",
    "beach",
    "museum",
    "pizza"
  };

  private Fixtures() {}

  public static ImportedChat chat(int exchanges, long seed) {
    Random random = new Random(seed);
    List<ChatMessage> messages = new ArrayList<>();
    Instant t = Instant.parse("2024-01-01T10:00:00Z");
    for (int i = 0; i < exchanges; i++) {
      String topic = TOPICS[random.nextInt(TOPICS.length)];
      t = t.plusSeconds(60 + random.nextInt(300));
      messages.add(
          msg(i * 2, "bob", "Bob", t, "Hey Alice, what do you think about the " + topic + "?"));
      t = t.plusSeconds(30 + random.nextInt(120));
      String answer =
          switch (random.nextInt(3)) {
            case 0 -> "lol the " + topic + " sounds great tbh";
            case 1 -> "hmm " + topic + " again? ok fine lol";
            default -> "yeah sure, " + topic + " works for me";
          };
      messages.add(msg(i * 2 + 1, "alice", "Alice", t, answer));
      if (i % 25 == 24) {
        t = t.plusSeconds(86_400);
      }
    }
    return new ImportedChat("fixture", ChatFormat.TELEGRAM_JSON, messages);
  }

  public static ChatMessage msg(int id, String sender, String name, Instant t, String text) {
    return new ChatMessage(String.valueOf(id), sender, name, t, text, false, false, null, false);
  }

  /** Writes the chat as a WhatsApp Android export (month-first, 2-digit year). */
  public static Path writeWhatsApp(ImportedChat chat, Path file) throws IOException {
    DateTimeFormatter fmt = DateTimeFormatter.ofPattern("M/d/yy, HH:mm");
    StringBuilder sb = new StringBuilder();
    sb.append("1/1/24, 09:00 - Messages and calls are end-to-end encrypted.\n");
    for (ChatMessage m : chat.messages()) {
      sb.append(LocalDateTime.ofInstant(m.time(), java.time.ZoneOffset.UTC).format(fmt))
          .append(" - ")
          .append(m.senderName())
          .append(": ")
          .append(m.text())
          .append('\n');
    }
    Files.writeString(file, sb, StandardCharsets.UTF_8);
    return file;
  }
}
