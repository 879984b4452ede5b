package io.personastudio.ml.eval;

import io.personastudio.ml.MlException;
import io.personastudio.ml.chat.ChatMessage;
import io.personastudio.ml.chat.ImportedChat;
import io.personastudio.ml.chat.Participant;
import io.personastudio.ml.dataset.Dataset;
import io.personastudio.ml.dataset.DatasetBuilder;
import io.personastudio.ml.dataset.DialoguePair;
import io.personastudio.ml.dataset.Turn;
import io.personastudio.ml.model.Hyperparameters;
import io.personastudio.ml.model.PersonaModel;
import io.personastudio.ml.text.Vocabulary;
import io.personastudio.ml.train.PersonaTrainer;
import io.personastudio.ml.train.TrainingResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Runs the evaluation protocol of the shared corpora on one chat and person. */
public final class Evaluator {
  private static final int CANDIDATES = 20;
  private static final double MAIN_SPEAKER_SHARE = 0.05;

  private final PersonaTrainer trainer;

  public Evaluator(PersonaTrainer trainer) {
    this.trainer = trainer;
  }

  public EvaluationReport evaluate(
      ImportedChat chat, String personName, EvaluationOptions options, Hyperparameters h) {
    double testFraction = options.testFraction();
    boolean scrub = options.scrub();
    Participant person = chat.person(personName);
    Dataset dataset =
        new DatasetBuilder(PersonaTrainer.datasetOptions(h, scrub)).build(chat.messages());
    Instant split = dataset.splitTime(testFraction);
    List<Turn> trainTurns =
        dataset.turns().stream().filter(t -> t.start().isBefore(split)).toList();
    List<Turn> testTurns =
        dataset.turns().stream()
            .filter(t -> !t.start().isBefore(split))
            .filter(t -> t.ownWriting() && !t.text().equals(ChatMessage.MEDIA_MARKER))
            .toList();
    List<DialoguePair> trainPairs = dataset.pairsBefore(split);
    Dataset testDataset =
        options.historyTurns() == 0
            ? dataset
            : new DatasetBuilder(
                    PersonaTrainer.datasetOptions(h, scrub)
                        .withContextTurns(options.historyTurns()))
                .build(chat.messages());
    List<DialoguePair> testCases =
        testDataset.pairsFrom(split).stream()
            .filter(p -> p.replierId().equals(person.id()))
            .toList();
    if (testCases.isEmpty()) {
      throw new MlException(
          "no held-out replies by "
              + person.name()
              + "; raise --test-fraction or pick another person");
    }
    TrainingResult trained = trainer.train(trainTurns, trainPairs, person, h);
    if (trainer.stopRequested()) {
      throw new MlException("evaluation stopped on request after " + trained.steps() + " steps");
    }
    PersonaModel model = trained.model();
    List<DialoguePair> personTrain =
        trainPairs.stream().filter(p -> p.replierId().equals(person.id())).toList();
    List<String> documents = trainTurns.stream().map(Turn::text).toList();
    TfIdfBaseline baseline = new TfIdfBaseline(Vocabulary.build(documents, 1, 50_000), personTrain);

    Set<String> trainLines = new HashSet<>();
    trainTurns.forEach(t -> trainLines.add(normal(t.text())));
    List<String> others =
        testTurns.stream().filter(t -> !t.senderId().equals(person.id())).map(Turn::text).toList();
    List<String> any = testTurns.stream().map(Turn::text).toList();
    Map<String, List<String>> bySpeaker = mainSpeakers(testTurns, person);
    SpeakerClassifier classifier = new SpeakerClassifier(bySpeaker);

    Measured modelFigures =
        figures(
            testCases,
            others,
            any,
            model::rank,
            model::answer,
            classifier,
            person,
            trainLines,
            h.seed());
    Measured baselineFigures =
        figures(
            testCases,
            others,
            any,
            baseline::rank,
            c -> new PersonaModel.Answer(baseline.reply(c), false),
            classifier,
            person,
            trainLines,
            h.seed());
    List<EvaluationReport.Sample> samples = new ArrayList<>();
    for (int i = 0; i < Math.min(8, testCases.size()); i++) {
      DialoguePair p = testCases.get(i * testCases.size() / Math.min(8, testCases.size()));
      samples.add(
          new EvaluationReport.Sample(
              p.context(), p.reply(), model.reply(p.context()), baseline.reply(p.context())));
    }
    List<String> speakerNames = new ArrayList<>(bySpeaker.keySet());
    StyleCeiling ceiling = new StyleCeiling(classifier.recognisedLeavingOneOut(person.id()));
    return new EvaluationReport(
        person.name(),
        personTrain.size(),
        testCases.size(),
        modelFigures.figures(),
        baselineFigures.figures(),
        ceiling.value(),
        classifier.recallOnOwnLines(person.id()),
        classifier.shareAttributedTo(
            person.id(), personTrain.stream().map(DialoguePair::reply).toList()),
        TargetCheck.check(modelFigures.cases(), baselineFigures.cases(), ceiling, h.seed()),
        speakerNames,
        trained.elapsed().toMillis() / 1000.0,
        trained.steps(),
        samples,
        new EvaluationReport.Cases(modelFigures.cases(), baselineFigures.cases(), ceiling.lines()));
  }

  private static Map<String, List<String>> mainSpeakers(List<Turn> testTurns, Participant person) {
    Map<String, List<String>> all = new LinkedHashMap<>();
    for (Turn t : testTurns) {
      all.computeIfAbsent(t.senderId(), k -> new ArrayList<>()).add(t.text());
    }
    Map<String, List<String>> main = new LinkedHashMap<>();
    main.put(person.id(), all.getOrDefault(person.id(), List.of()));
    all.entrySet().stream()
        .filter(e -> !e.getKey().equals(person.id()))
        .filter(e -> e.getValue().size() >= MAIN_SPEAKER_SHARE * testTurns.size())
        .sorted((a, b) -> b.getValue().size() - a.getValue().size())
        .limit(7)
        .forEach(e -> main.put(e.getKey(), e.getValue()));
    return main;
  }

  /** A run's figures and the per-case scores behind them. */
  private record Measured(EvaluationReport.Figures figures, EvaluationReport.CaseScores cases) {}

  private Measured figures(
      List<DialoguePair> cases,
      List<String> otherLines,
      List<String> anyLines,
      BiFunction<List<String>, List<String>, float[]> ranker,
      Function<List<String>, PersonaModel.Answer> replier,
      SpeakerClassifier classifier,
      Participant person,
      Set<String> trainLines,
      long seed) {
    EvaluationReport.CaseScores perCase =
        new EvaluationReport.CaseScores(
            new double[cases.size()],
            new double[cases.size()],
            new double[cases.size()],
            new double[cases.size()]);
    Arrays.fill(perCase.hitsStyle(), Double.NaN);
    Arrays.fill(perCase.hitsRelevance(), Double.NaN);
    int verbatim = 0;
    int empty = 0;
    int generatedCount = 0;
    int sampledCount = 0;
    List<String> generated = new ArrayList<>();
    double[] replyMillis = new double[cases.size()];
    List<Double> rankMillis = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      DialoguePair p = cases.get(i);
      List<String> style = candidates(p.reply(), otherLines, new Random(seed * 7919 + i));
      if (style != null) {
        long t0 = System.nanoTime();
        perCase.hitsStyle()[i] = TextMetrics.hitAt1(ranker.apply(p.context(), style));
        rankMillis.add((System.nanoTime() - t0) / 1e6);
      }
      List<String> relevance = candidates(p.reply(), anyLines, new Random(seed * 7927 + i));
      if (relevance != null) {
        perCase.hitsRelevance()[i] = TextMetrics.hitAt1(ranker.apply(p.context(), relevance));
      }
      long t0 = System.nanoTime();
      PersonaModel.Answer answer = replier.apply(p.context());
      replyMillis[i] = (System.nanoTime() - t0) / 1e6;
      String reply = answer.text();
      if (answer.generated()) {
        generatedCount++;
      }
      if (answer.sampled()) {
        sampledCount++;
      }
      if (reply == null || reply.isBlank()) {
        empty++;
        reply = "";
      }
      generated.add(reply);
      perCase.unigramF1()[i] = TextMetrics.unigramF1(reply, p.reply());
      if (classifier.classify(reply).equals(person.id())) {
        perCase.fidelity()[i] = 1;
      }
      if (trainLines.contains(normal(reply))) {
        verbatim++;
      }
    }
    int n = cases.size();
    double[] ranks = rankMillis.stream().mapToDouble(Double::doubleValue).toArray();
    EvaluationReport.Figures figures =
        new EvaluationReport.Figures(
            TargetCheck.mean(perCase.hitsStyle()),
            TargetCheck.mean(perCase.hitsRelevance()),
            TargetCheck.mean(perCase.fidelity()),
            TargetCheck.mean(perCase.unigramF1()),
            TextMetrics.distinct2(generated),
            verbatim / (double) n,
            empty,
            percentile(replyMillis, 0.5),
            percentile(replyMillis, 0.99),
            percentile(ranks, 0.5),
            generatedCount / (double) n,
            sampledCount / (double) n);
    return new Measured(figures, perCase);
  }

  /** The real reply first, then 19 distinct distractors, or null if the pool is too small. */
  private static List<String> candidates(String real, List<String> pool, Random random) {
    Set<String> seen = new HashSet<>();
    seen.add(normal(real));
    List<String> out = new ArrayList<>();
    out.add(real);
    List<String> shuffled = new ArrayList<>(pool);
    java.util.Collections.shuffle(shuffled, random);
    for (String s : shuffled) {
      if (out.size() == CANDIDATES) {
        break;
      }
      if (seen.add(normal(s))) {
        out.add(s);
      }
    }
    return out.size() == CANDIDATES ? out : null;
  }

  private static String normal(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }

  static double percentile(double[] values, double q) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[
        Math.min(
            sorted.length - 1,
            (int) Math.ceil(q * sorted.length) - 1 < 0
                ? 0
                : (int) Math.ceil(q * sorted.length) - 1)];
  }
}
