package io.personastudio.ml.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicMaskTest {

  @Test
  void keepsTheMostFrequentWordsAndBlanksTheRestKeepingCaseAndPunctuation() {
    TopicMask mask =
        TopicMask.mostFrequent(
            List.of("I don't know, the Death Star?", "I don't know the way.", "The ship! I know."),
            4);

    assertThat(mask.kept()).containsExactly("don't", "i", "know", "the");
    assertThat(mask.apply("I don't know where the Falcon is!"))
        .isEqualTo("I don't know x the X x!");
    assertThat(mask.apply("I don\u2019t know")).isEqualTo("I don\u2019t know");
    assertThat(mask.apply("  ...?! ")).isEqualTo("  ...?! ");
  }

  @Test
  void anyAlphabetWorks() {
    TopicMask mask = TopicMask.mostFrequent(List.of("я не знаю", "не я", "я не"), 2);

    assertThat(mask.kept()).containsExactly("не", "я");
    assertThat(mask.apply("Я не знаю, где Люк.")).isEqualTo("Я не x, x X.");
  }
}
