package io.personastudio.ml.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.ml.chat.ChatMessage;
import io.personastudio.ml.support.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetBuilderTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  private static ChatMessage at(int minutes, String sender, String text) {
    return Fixtures.msg(minutes, sender, sender, T0.plus(Duration.ofMinutes(minutes)), text);
  }

  @Test
  void mergesConsecutiveMessagesIntoTurnsAndBuildsPairsWithContext() {
    Dataset d =
        new DatasetBuilder(DatasetOptions.defaults())
            .build(
                List.of(
                    at(0, "a", "Привет"),
                    at(1, "a", "как дела?"),
                    at(2, "b", "good"),
                    at(3, "b", "and you?"),
                    at(4, "a", "отлично")));

    assertThat(d.turns())
        .extracting(Turn::text)
        .containsExactly("Привет\nкак дела?", "good\nand you?", "отлично");
    assertThat(d.pairs()).hasSize(2);
    assertThat(d.pairs().get(1).context()).containsExactly("Привет\nкак дела?", "good\nand you?");
    assertThat(d.pairs().get(1).reply()).isEqualTo("отлично");
    assertThat(d.repliesBy("b")).extracting(DialoguePair::reply).containsExactly("good\nand you?");
  }

  @Test
  void longSilenceStartsANewConversationWithoutCrossingPairs() {
    Dataset d =
        new DatasetBuilder(DatasetOptions.defaults())
            .build(
                List.of(
                    at(0, "a", "night"), at(60 * 10, "b", "morning"), at(60 * 10 + 1, "a", "hi")));

    assertThat(d.conversations()).hasSize(2);
    assertThat(d.pairs()).extracting(DialoguePair::reply).containsExactly("hi");
  }

  @Test
  void forwardedMessagesAreContextButNeverAReply() {
    ChatMessage forwarded =
        new ChatMessage("9", "b", "b", T0.plusSeconds(120), "news", true, false, null, false);
    Dataset d =
        new DatasetBuilder(DatasetOptions.defaults())
            .build(List.of(at(0, "a", "what's new?"), forwarded, at(3, "b", "see above")));

    assertThat(d.pairs()).extracting(DialoguePair::reply).containsExactly("see above");
    assertThat(d.pairs().get(0).context()).containsExactly("what's new?", "news");
  }

  @Test
  void mediaIsAMarkerOrSkipped() {
    ChatMessage photo =
        new ChatMessage("5", "b", "b", T0.plusSeconds(60), "", false, true, null, false);
    List<ChatMessage> messages = List.of(at(0, "a", "show me"), photo, at(2, "a", "nice"));

    Dataset marker = new DatasetBuilder(DatasetOptions.defaults()).build(messages);
    Dataset skip =
        new DatasetBuilder(new DatasetOptions(Duration.ofHours(3), 3, false, MediaPolicy.SKIP))
            .build(messages);

    assertThat(marker.pairs()).extracting(DialoguePair::reply).containsExactly("nice");
    assertThat(marker.pairs().get(0).context()).containsExactly("show me", "<media>");
    assertThat(skip.turns()).extracting(Turn::text).containsExactly("show me\nnice");
  }

  @Test
  void scrubbingReplacesPersonalData() {
    String scrubbed =
        Scrubber.scrub(
            "mail ivan@example.ru, call +7 912 345-67-89, card 4111 1111 1111 1111,"
                + " see https://t.me/x and 2024 was great");

    assertThat(scrubbed)
        .isEqualTo("mail <email>, call <phone>, card <card>, see <link> and 2024 was great");
  }

  @Test
  void timeSplitPutsLaterRepliesInValidation() {
    Dataset d =
        new DatasetBuilder(DatasetOptions.defaults())
            .build(
                List.of(
                    at(0, "a", "1"),
                    at(1, "b", "2"),
                    at(2, "a", "3"),
                    at(3, "b", "4"),
                    at(4, "a", "5")));

    Instant split = d.splitTime(0.4);

    assertThat(d.pairsBefore(split)).extracting(DialoguePair::reply).containsExactly("2", "3");
    assertThat(d.pairsFrom(split)).extracting(DialoguePair::reply).containsExactly("4", "5");
  }

  @Test
  void explicitReplyToAnOlderMessageBecomesTheNewestContext() {
    ChatMessage answer =
        new ChatMessage(
            "5", "b", "b", T0.plusSeconds(300), "yes, Friday", false, false, "0", false);
    Dataset d =
        new DatasetBuilder(DatasetOptions.defaults())
            .build(
                List.of(
                    at(0, "a", "party on Friday?"),
                    at(1, "c", "who has my charger"),
                    at(2, "a", "not me"),
                    at(3, "c", "found it"),
                    answer));

    DialoguePair pair = d.pairs().get(d.pairs().size() - 1);
    assertThat(pair.reply()).isEqualTo("yes, Friday");
    assertThat(pair.context()).hasSize(3).last().isEqualTo("party on Friday?");
  }
}
