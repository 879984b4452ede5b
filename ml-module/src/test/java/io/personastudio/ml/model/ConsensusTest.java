package io.personastudio.ml.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.personastudio.ml.text.Tokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsensusTest {

  @Test
  void unigramF1CountsSharedWordsOnce() {
    assertThat(Consensus.f1(words("yes yes I will"), words("yes I will come")))
        .isCloseTo(0.75, within(1e-9));
    assertThat(Consensus.f1(words("no way"), words("yes I will"))).isZero();
    assertThat(Consensus.f1(words(""), words("yes"))).isZero();
  }

  @Test
  void theReplyMostOthersAgreeWithScoresHighest() {
    List<String> replies =
        List.of("yes I will come", "Yes, I will!", "I will come, yes", "Get lost, droid.");

    float[] scores = Consensus.expectedF1(replies, new float[] {1, 1, 1, 1});

    assertThat(scores[3]).isZero();
    assertThat(scores[0]).isGreaterThan(scores[1]).isGreaterThan(scores[3]);
    assertThat(scores[2]).isGreaterThan(scores[3]);
  }

  @Test
  void weightsSayWhichRepliesCount() {
    List<String> replies = List.of("yes I will come", "no way", "no way at all");

    float[] trusted = Consensus.expectedF1(replies, new float[] {1, 0, 1});
    float[] ignored = Consensus.expectedF1(replies, new float[] {1, 1, 0});

    // "no way" agrees with "no way at all" only while that reply has weight
    assertThat(trusted[1]).isGreaterThan(0f);
    assertThat(ignored[1]).isZero();
    List<Consensus.Bag> replyWords = replies.stream().map(Consensus.Bag::of).toList();
    assertThat(Consensus.expectedF1("no way", replyWords, new float[] {0, 0, 1}))
        .isCloseTo((float) Consensus.f1(words("no way"), words("no way at all")), within(1e-6f));
  }

  @Test
  void aSingleOrUnweightedCandidateHasNoConsensus() {
    assertThat(Consensus.expectedF1(List.of("yes"), new float[] {1})).containsExactly(0f);
    assertThat(Consensus.expectedF1(List.of("yes", "yes"), new float[] {0, 0}))
        .containsExactly(0f, 0f);
    assertThat(Consensus.expectedF1("yes", List.of(), new float[0])).isZero();
  }

  private static List<String> words(String text) {
    return Tokenizer.words(text);
  }
}
