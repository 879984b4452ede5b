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

  @Test
  void theVoiceReadsHowTheLineIsWrittenNotWhatItIsAbout() {
    List<String> person = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      // the person: lower case, "lol", no full stop; writes about pizza in this period
      person.add("lol i think the pizza is ok");
      others.add("Well, I think the weather is fine.");
    }
    TopicMask mask = new TopicMask(List.of("lol", "i", "think", "the", "is", "ok", "well", "fine"));
    StyleModel voice = StyleModel.train(person, others, mask);
    StyleModel asWritten = new StyleModel(voice.ngramLogRatio(), voice.lengthLogRatio());

    // a line about a topic the person never wrote about, in their voice and in the others'
    String hers = "lol i think the museum is ok";
    String theirs = "Well, I think the museum is fine.";
    assertThat(voice.ngramScore(hers)).isPositive().isGreaterThan(voice.ngramScore(theirs));
    // the voice does not care which topic a line is about
    assertThat(voice.ngramScore("lol i think the pizza is ok")).isEqualTo(voice.ngramScore(hers));
    assertThat(voice.evidence("lol i think the pizza is ok")).isEqualTo(voice.evidence(hers));
    // the tables alone, reading texts as written, do: they were learnt from masked text
    assertThat(asWritten.ngramScore("lol i think the x is ok"))
        .isEqualTo(voice.ngramScore(hers))
        .isNotEqualTo(asWritten.ngramScore(hers));
  }

  @Test
  void aTrainedModelHasAVoiceThatKeepsTheChatsMostFrequentWords() {
    List<String> person = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      person.add("lol i think the word" + i + " is ok");
      others.add("Well, I think the thing" + i + " is fine.");
    }
    StyleModel style = StyleModel.train(person, others);

    assertThat(style.hasVoice()).isTrue();
    assertThat(style.keptWords()).isEmpty();
    assertThat(style.voice().keptWords())
        .hasSize(StyleModel.VOICE_WORDS)
        .contains("lol", "i", "think", "the", "is", "ok", "well", "fine")
        .doesNotContain("word299", "thing299");
    assertThat(style.voice().hasVoice()).isFalse();
  }
}
