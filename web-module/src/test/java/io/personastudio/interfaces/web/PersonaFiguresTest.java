package io.personastudio.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.application.training.LossPoint;
import io.personastudio.application.training.RunEvaluation;
import io.personastudio.application.training.RunView;
import io.personastudio.testing.web.Bundles;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PersonaFiguresTest {

  private static final List<LossPoint> CURVE =
      List.of(new LossPoint(10, 5f), new LossPoint(80, 2f));

  /** The page's wording from a bundle as {@link Texts} words it; a missing key fails the test. */
  private static PersonaFigures.Wording words(String language) {
    Properties bundle = Bundles.of(language);
    Locale locale = Locale.forLanguageTag(language);
    return (key, args) -> {
      String text = bundle.getProperty(key);
      if (text == null) {
        throw new IllegalArgumentException("no " + key + " in messages_" + language);
      }
      return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
    };
  }

  private static RunEvaluation.Figures figures(double hits, Double relevance, double f1) {
    return new RunEvaluation.Figures(hits, relevance, 0.4, f1, 0.7, 1.0, 0, 0.0, 1.0, 3.0);
  }

  private static RunEvaluation evaluation(List<RunEvaluation.Verdict> targets) {
    return new RunEvaluation(
        RunEvaluation.DONE,
        null,
        10,
        120,
        0.6,
        4.0,
        figures(0.2, null, 0.035),
        figures(0.0, 0.05, 0.06),
        targets);
  }

  private static RunView run(RunEvaluation evaluation) {
    return new RunView(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "COMPLETED",
        "DONE",
        100f,
        80,
        80,
        false,
        2f,
        null,
        null,
        0,
        List.of(),
        evaluation);
  }

  private static Map<String, PersonaFigures.Figure> byName(List<PersonaFigures.Figure> figures) {
    return figures.stream()
        .collect(Collectors.toMap(PersonaFigures.Figure::name, Function.identity()));
  }

  @Test
  void theEvaluationIsWordedForPeopleWithItsSimpleSearchAndItsVerdicts() {
    RunEvaluation e =
        evaluation(
            List.of(
                new RunEvaluation.Verdict(RunEvaluation.HITS_STYLE, true, 0.95),
                new RunEvaluation.Verdict(RunEvaluation.HITS_RELEVANCE, false, null),
                new RunEvaluation.Verdict(RunEvaluation.FIDELITY, false, 0.45),
                new RunEvaluation.Verdict(RunEvaluation.UNIGRAM_F1, false, 0.0)));
    Properties en = Bundles.of("en");

    Map<String, PersonaFigures.Figure> shown =
        byName(PersonaFigures.of(run(e), CURVE, words("en")));

    PersonaFigures.Figure hits = shown.get(en.getProperty("persona.figure.hits1of20Style"));
    assertThat(hits.value()).isEqualTo("20% (simple search: 0%)");
    assertThat(hits.meaning())
        .startsWith(en.getProperty("persona.figure.hits1of20Style.meaning"))
        .contains("met; it holds in 95% of resamplings")
        .endsWith(en.getProperty("persona.verdict.firm"));
    PersonaFigures.Figure fidelity = shown.get(en.getProperty("persona.figure.styleFidelity"));
    assertThat(fidelity.value()).isEqualTo("40% (reachable: 60%)");
    assertThat(fidelity.meaning())
        .contains("not met; it would hold in 45% of resamplings")
        .endsWith("so 10 test messages cannot settle it.");
    PersonaFigures.Figure f1 = shown.get(en.getProperty("persona.figure.unigramF1"));
    assertThat(f1.value()).isEqualTo("0.035 (simple search: 0.060)");
    assertThat(f1.meaning()).contains("above the simple search: not met; it would hold in 0%");
    assertThat(shown)
        .as("the model could not be measured on relevance: no figure, not a made-up one")
        .doesNotContainKey(en.getProperty("persona.figure.hits1of20Relevance"));
    assertThat(shown.get(en.getProperty("persona.figure.testCases")).meaning())
        .contains("(120 of the person's replies)");
    assertThat(shown.get(en.getProperty("persona.figure.generatedShare")).value()).isEqualTo("0%");
    assertThat(shown.keySet())
        .as("every figure has a worded name, none shows a key")
        .noneMatch(name -> name.matches("[a-zA-Z0-9]+"));
  }

  @Test
  void russianWordsEveryFigureToo() {
    RunEvaluation e =
        evaluation(List.of(new RunEvaluation.Verdict(RunEvaluation.HITS_STYLE, true, 0.5)));

    List<PersonaFigures.Figure> shown = PersonaFigures.of(run(e), CURVE, words("ru"));

    assertThat(shown).hasSize(7);
    assertThat(byName(shown).get(Bundles.text("ru", "persona.figure.hits1of20Style")).meaning())
        .contains("так что 10 тестовых сообщений");
  }

  @Test
  void anEvaluationStoredBeforeVerdictsShowsItsFiguresWithoutOne() {
    Map<String, PersonaFigures.Figure> shown =
        byName(PersonaFigures.of(run(evaluation(null)), CURVE, words("en")));

    PersonaFigures.Figure hits = shown.get(Bundles.text("en", "persona.figure.hits1of20Style"));
    assertThat(hits.meaning())
        .isEqualTo(Bundles.text("en", "persona.figure.hits1of20Style.meaning"));
  }

  @Test
  void whileTheEvaluationRunsOnlyTheTrainingsOwnFiguresShow() {
    RunEvaluation pending = RunEvaluation.unavailable("too few held-out replies");

    List<PersonaFigures.Figure> shown = PersonaFigures.of(run(pending), CURVE, words("en"));

    assertThat(shown)
        .extracting(PersonaFigures.Figure::name)
        .containsExactly(
            Bundles.text("en", "persona.figure.steps"), Bundles.text("en", "persona.figure.loss"));
    assertThat(shown.get(1).value()).isEqualTo("5.000 → 2.000");
  }

  @Test
  void theDashboardSaysInOneLineHowOftenItPicksTheRealReplyAndHowMuchItSoundsLikeThem() {
    assertThat(PersonaFigures.summary(run(evaluation(null)), words("en")))
        .isEqualTo(
            "picks the real reply 20% of the time (simple search: 0%); sounds like them 40%"
                + " (reachable: 60%)");
    assertThat(
            PersonaFigures.summary(
                run(
                    new RunEvaluation(
                        RunEvaluation.PENDING, null, null, null, null, null, null, null, null)),
                words("en")))
        .isEqualTo(Bundles.text("en", "dashboard.figures.measuring"));
    assertThat(PersonaFigures.summary(run(RunEvaluation.unavailable("too few")), words("en")))
        .isEmpty();
    assertThat(PersonaFigures.summary(run(null), words("ru"))).isEmpty();
    assertThat(PersonaFigures.summary(run(evaluation(null)), words("ru")))
        .startsWith("узнаёт настоящий ответ в 20");
  }
}
