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

  @Test
  void theCandidatesScoresEqualTheWordBagDefinitionToTheBit() {
    String[] vocabulary = {
      "yes", "no", "I", "will", "come", "way", "droid", "lol", "ok", "да", "нет"
    };
    java.util.Random random = new java.util.Random(3);
    for (int round = 0; round < 200; round++) {
      int n = random.nextInt(30);
      List<String> replies = new java.util.ArrayList<>();
      float[] weights = new float[n];
      for (int i = 0; i < n; i++) {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(9); k > 0; k--) {
          text.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
        }
        replies.add(text.toString());
        weights[i] = random.nextInt(4) == 0 ? 0f : random.nextFloat() * 20f;
      }

      assertThat(Consensus.expectedF1(replies, weights))
          .containsExactly(byDefinition(replies, weights));
    }
  }

  /** The weighted mean F1 written out with word bags, one pair at a time. */
  private static float[] byDefinition(List<String> replies, float[] weights) {
    int n = replies.size();
    float[] out = new float[n];
    double total = 0;
    for (float w : weights) {
      total += w;
    }
    for (int i = 0; n > 1 && i < n; i++) {
      double others = total - weights[i];
      if (!(others > 0)) {
        continue;
      }
      double sum = 0;
      for (int j = 0; j < n; j++) {
        if (j != i && weights[j] > 0) {
          sum +=
              weights[j]
                  * Consensus.f1(
                      Consensus.Bag.of(replies.get(i)), Consensus.Bag.of(replies.get(j)));
        }
      }
      out[i] = (float) (sum / others);
    }
    return out;
  }
}
