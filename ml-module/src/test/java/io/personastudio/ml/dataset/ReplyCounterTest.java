package io.personastudio.ml.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.ml.chat.ChatMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming count agrees with the pairs the dataset builder makes, whatever the chat. */
class ReplyCounterTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private static final List<String> SENDERS = List.of("ana", "ben", "cy");

  private static ChatMessage message(
      int id, String sender, Instant at, String text, boolean forwarded, boolean media) {
    return new ChatMessage(
        String.valueOf(id), sender, sender, at, text, forwarded, media, null, false);
  }

  private static List<ChatMessage> randomChat(Random random, int size) {
    List<ChatMessage> chat = new ArrayList<>();
    Instant at = T0;
    for (int i = 0; i < size; i++) {
      at = at.plus(Duration.ofMinutes(random.nextInt(10) < 8 ? random.nextInt(5) : 200 + i));
      String sender = SENDERS.get(random.nextInt(random.nextInt(4) == 0 ? 3 : 2));
      int kind = random.nextInt(12);
      chat.add(
          switch (kind) {
            case 0 -> message(i, sender, at, "", false, true); // media without caption
            case 1 -> message(i, sender, at, "  ", false, false); // nothing at all
            case 2 -> message(i, sender, at, "news", true, false); // forwarded
            case 3 -> message(i, sender, at, "a photo", false, true); // captioned media
            default -> message(i, sender, at, "line " + i, false, false);
          });
    }
    return chat;
  }

  @Test
  void countsWhatTheBuilderPairsForEverySenderOnRandomChats() {
    for (int seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      List<ChatMessage> chat = randomChat(random, 1 + random.nextInt(80));
      for (DatasetOptions options :
          List.of(
              DatasetOptions.defaults(),
              new DatasetOptions(Duration.ofMinutes(30), 2, true, MediaPolicy.SKIP))) {
        ReplyCounter counter = new ReplyCounter(options);
        chat.forEach(counter);
        Dataset built = new DatasetBuilder(options).build(chat);

        for (String sender : SENDERS) {
          assertThat(counter.repliesOf(sender))
              .as("seed %d, options %s, sender %s", seed, options, sender)
              .isEqualTo(built.repliesBy(sender).size());
        }
      }
    }
  }

  @Test
  void aPersonWhoOnlyOpensConversationsHasNoReplies() {
    ReplyCounter counter = new ReplyCounter(DatasetOptions.defaults());
    for (int day = 0; day < 30; day++) {
      Instant morning = T0.plus(Duration.ofDays(day));
      counter.accept(message(day * 2, "ana", morning, "good morning", false, false));
      counter.accept(message(day * 2 + 1, "ana", morning.plusSeconds(60), "anyone?", false, false));
    }

    assertThat(counter.repliesOf("ana")).isZero();
    assertThat(counter.repliesOf("nobody")).isZero();
  }
}
