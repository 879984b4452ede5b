package io.personastudio.ml.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StyleModelTest {

  /** The person and the others write about as much, in different voices. */
  private static final StyleModel STYLE =
      StyleModel.train(
          List.of("lol yeah sure", "omg the pizza lol", "yeah lol totally"),
          List.of("Hello, Alice. Shall we?", "Indeed. Good evening.", "Hello. Indeed we shall."));

  @Test
  void readsThePersonsVoiceAsThePersonsAndTheOthersAsTheOthers() {
    assertThat(STYLE.ngramScore("lol yeah the pizza")).isPositive();
    assertThat(STYLE.ngramScore("Indeed. Good evening, Alice.")).isNegative();
    assertThat(STYLE.evidence("lol yeah the pizza")).isPositive();
    assertThat(STYLE.evidence("Good evening, Alice. Indeed.")).isNegative();
    assertThat(STYLE.evidence("lol yeah sure, omg lol yeah")).isGreaterThan(STYLE.evidence("lol"));
  }

  @Test
  void nGramsNobodyUsedAreNoEvidenceForWhoeverWroteLess() {
    // chats of a realistic size: the person writes a tenth as much as the others
    List<String> person = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      others.add("Indeed, good evening number " + i + ". Shall we dine at " + (i % 24) + "?");
      if (i % 10 == 0) {
        person.add("lol yeah sure " + i + " omg the pizza");
      }
    }
    StyleModel style = StyleModel.train(person, others);

    // with add-0.1 smoothing over every bucket each of these n-grams counted about +1.9 for the
    // person, who wrote less: a line of characters nobody used read as theirs
    float unknown = style.ngramScore("ЖЩЮЖЩЮ ЖЩЮ");

    assertThat(Math.abs(unknown)).isLessThan(0.2f);
    assertThat(style.ngramScore("lol yeah the pizza")).isGreaterThan(1f);
  }

  @Test
  void everyNGramThatNobodyUsedHasALogRatioOfZero() {
    float[] ratios = STYLE.ngramLogRatio();
    int zero = 0;
    for (float r : ratios) {
      assertThat(Float.isFinite(r)).isTrue();
      zero += r == 0f ? 1 : 0;
    }
    // a few hundred n-grams in six short lines, out of 262,144 buckets
    assertThat(zero).isGreaterThan(StyleModel.BUCKETS - 2_000).isLessThan(StyleModel.BUCKETS);
  }
}
