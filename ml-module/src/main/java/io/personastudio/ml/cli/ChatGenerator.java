package io.personastudio.ml.cli;

import com.google.gson.stream.JsonWriter;
import io.personastudio.ml.MlException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes synthetic chat exports of known size (Telegram Desktop JSON or WhatsApp Android text),
 * streaming, for scale benchmarks. Text mixes English and Russian words; Telegram output also has
 * entity arrays, service messages, forwards, replies and media.
 */
final class ChatGenerator {
  private static final String[] WORDS = {
    "hey",
    "what",
    "are",
    "you",
    "doing",
    "tonight",
    "the",
    "meeting",
    "was",
    "fine",
    "I",
    "think",
    "we",
    "should",
    "go",
    "tomorrow",
    "really",
    "no",
    "yes",
    "maybe",
    "later",
    "coffee",
    "work",
    "project",
    "deadline",
    "weekend",
    "привет",
    "как",
    "дела",
    "хорошо",
    "завтра",
    "встреча",
    "давай",
    "позже",
    "спасибо",
    "отлично",
    "ok",
    "lol",
    "sure",
    "why",
    "because",
    "again"
  };
  private static final String[] PEOPLE = {"Alice", "Boris", "Chen", "Dasha"};

  record Result(long messages, long bytes) {}

  private final Random random;

  ChatGenerator(long seed) {
    this.random = new Random(seed);
  }

  Result write(Path out, String format, long maxMessages, long maxBytes) {
    if (!format.equals("telegram") && !format.equals("whatsapp")) {
      throw new Args.UsageException("--format must be telegram or whatsapp");
    }
    try {
      Path dir = out.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, out.getFileName().toString(), ".tmp");
      try {
        long count;
        try (CountingOut counting = new CountingOut(Files.newOutputStream(tmp));
            BufferedWriter w =
                new BufferedWriter(
                    new OutputStreamWriter(counting, StandardCharsets.UTF_8), 1 << 16)) {
          count =
              format.equals("telegram")
                  ? telegram(w, counting, maxMessages, maxBytes)
                  : whatsapp(w, counting, maxMessages, maxBytes);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Result(count, Files.size(out));
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new MlException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  private boolean more(long n, long maxMessages, CountingOut counting, long maxBytes) {
    return maxMessages > 0 ? n < maxMessages : counting.count < maxBytes;
  }

  private long telegram(BufferedWriter w, CountingOut counting, long maxMessages, long maxBytes)
      throws IOException {
    JsonWriter json = new JsonWriter(w);
    json.setIndent(" ");
    json.beginObject();
    json.name("name").value("Generated chat");
    json.name("type").value("private_group");
    json.name("id").value(4242);
    json.name("messages").beginArray();
    long n = 0;
    LocalDateTime time = LocalDateTime.of(2020, 1, 1, 9, 0);
    while (more(n, maxMessages, counting, maxBytes)) {
      n++;
      time = time.plusSeconds(5 + random.nextInt(600));
      int who = random.nextInt(PEOPLE.length);
      json.beginObject();
      json.name("id").value(n);
      boolean service = random.nextInt(100) == 0;
      json.name("type").value(service ? "service" : "message");
      json.name("date").value(time.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
      json.name("date_unixtime").value(String.valueOf(time.toEpochSecond(ZoneOffset.UTC)));
      json.name("from").value(PEOPLE[who]);
      json.name("from_id").value("user" + (1000 + who));
      if (random.nextInt(50) == 0) {
        json.name("forwarded_from").value("Some Channel");
      }
      if (random.nextInt(10) == 0 && n > 1) {
        json.name("reply_to_message_id").value(n - 1 - random.nextInt((int) Math.min(n - 1, 5)));
      }
      if (random.nextInt(40) == 0) {
        json.name("photo").value("photos/photo_" + n + ".jpg");
      }
      String text = sentence();
      if (random.nextInt(8) == 0) {
        json.name("text").beginArray();
        json.value(text + " ");
        json.beginObject().name("type").value("bold").name("text").value(sentence()).endObject();
        json.endArray();
      } else {
        json.name("text").value(text);
      }
      json.name("text_entities").beginArray();
      json.beginObject().name("type").value("plain").name("text").value(text).endObject();
      json.endArray();
      json.endObject();
      if ((n & 1023) == 0) {
        json.flush();
      }
    }
    json.endArray();
    json.endObject();
    json.flush();
    return n;
  }

  private long whatsapp(BufferedWriter w, CountingOut counting, long maxMessages, long maxBytes)
      throws IOException {
    DateTimeFormatter fmt = DateTimeFormatter.ofPattern("d/M/yy, HH:mm");
    long n = 0;
    LocalDateTime time = LocalDateTime.of(2020, 1, 13, 9, 0);
    while (more(n, maxMessages, counting, maxBytes)) {
      n++;
      time = time.plusSeconds(5 + random.nextInt(600));
      w.write(time.format(fmt) + " - " + PEOPLE[random.nextInt(PEOPLE.length)] + ": " + sentence());
      w.newLine();
      if ((n & 1023) == 0) {
        w.flush();
      }
    }
    return n;
  }

  private String sentence() {
    int len = 2 + random.nextInt(12);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(WORDS[random.nextInt(WORDS.length)]);
    }
    sb.append(random.nextInt(4) == 0 ? "?" : ".");
    return sb.toString();
  }

  private static final class CountingOut extends java.io.FilterOutputStream {
    private long count;

    CountingOut(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
