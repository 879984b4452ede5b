package io.personastudio.ml.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpeakerClassifierTest {

  private static Map<String, List<String>> chat() {
    Map<String, List<String>> lines = new LinkedHashMap<>();
    List<String> kid = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      kid.add("lol ok " + i + " that is sooo cool!!! brb");
    }
    lines.put("kid", kid);
    lines.put(
        "butler",
        List.of(
            "Indeed, sir. The carriage awaits.",
            "Indeed. Dinner is served in the east wing, sir.",
            "Very good, sir. I shall inform the household."));
    return lines;
  }

  @Test
  void attributesANewLineToTheSpeakerWhoseNgramsItShares() {
    SpeakerClassifier classifier = new SpeakerClassifier(chat());

    assertEquals("kid", classifier.classify("lol sooo cool!!!"));
    assertEquals("butler", classifier.classify("Very good, sir. Dinner awaits."));
  }

  @Test
  void aSpeakerWithFewLinesIsNotOutvotedByTheOneWhoTalksMost() {
    SpeakerClassifier classifier = new SpeakerClassifier(chat());

    // 40 lines against 3: a prior by line count would hand this short line to the kid
    assertEquals("butler", classifier.classify("Indeed, sir."));
  }

  @Test
  void leavingOneOutCountsOnlyWhatTheClassifierCanRecogniseInALineItNeverSaw() {
    Map<String, List<String>> lines = chat();
    List<String> kid = new ArrayList<>(lines.get("kid"));
    kid.add("Quixotic zephyrs vex jumbo wharf");
    lines.put("kid", kid);
    SpeakerClassifier classifier = new SpeakerClassifier(lines);

    // remembered, the odd line is the kid's; unseen, nothing in it is
    assertEquals(1.0, classifier.recallOnOwnLines("kid"));
    double[] kidLines = classifier.recognisedLeavingOneOut("kid");
    assertEquals(41, kidLines.length);
    assertEquals(0.0, kidLines[40], "the odd line, last in the given order");
    assertEquals(40 / 41.0, TargetCheck.mean(kidLines), 1e-9);
    assertEquals(1.0, TargetCheck.mean(classifier.recognisedLeavingOneOut("butler")));
  }

  @Test
  void shareAttributedToCountsTheGivenLinesTheClassifierGivesToTheSpeaker() {
    SpeakerClassifier classifier = new SpeakerClassifier(chat());

    List<String> earlier =
        List.of("lol brb sooo cool!!!", "Indeed, sir.", "Very good, sir.", "ok lol cool!!!");
    assertEquals(0.5, classifier.shareAttributedTo("kid", earlier));
    assertEquals(0.5, classifier.shareAttributedTo("butler", earlier));
    assertEquals(0.0, classifier.shareAttributedTo("kid", List.of()));
  }

  @Test
  void anUnknownSpeakerHasNoRecall() {
    SpeakerClassifier classifier = new SpeakerClassifier(chat());

    assertEquals(0, classifier.recognisedLeavingOneOut("gardener").length);
    assertEquals(0.0, classifier.recallOnOwnLines("gardener"));
  }
}
