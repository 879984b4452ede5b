package io.personastudio.ml.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import io.personastudio.ml.chat.ImportedChat;
import io.personastudio.ml.model.CharAlphabet;
import io.personastudio.ml.model.CharLstm;
import io.personastudio.ml.model.GeneratorParameters;
import io.personastudio.ml.model.Hyperparameters;
import io.personastudio.ml.support.Fixtures;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTrainingTest {
  private static final Hyperparameters SMALL =
      Hyperparameters.defaults()
          .withEpochs(3)
          .withShape(16, 16, 500)
          .withSeed(11)
          .withGenerator(GeneratorParameters.defaults().withSize(32, 16, 12, 400));

  @TempDir Path dir;

  private static TrainingResult train(ImportedChat chat, TrainingControl control) {
    return new PersonaTrainer(control, TrainingListener.NONE)
        .train(new TrainingRequest(chat, "Alice", SMALL, false));
  }

  @Test
  void javaForwardPassEqualsTheEnginesLstmOnTheSameWeights() {
    CharAlphabet alphabet = CharAlphabet.build(List.of("hello there", "oh hi ho"), 64);
    int hidden = 8;
    int in = alphabet.size() + 1;
    Random random = new Random(3);
    Map<String, float[]> p = new LinkedHashMap<>();
    p.put(GeneratorTrainer.WX, gaussian(random, 4 * hidden * in));
    p.put(GeneratorTrainer.WH, gaussian(random, 4 * hidden * hidden));
    p.put(GeneratorTrainer.B, gaussian(random, 4 * hidden));
    p.put(GeneratorTrainer.BH, gaussian(random, 4 * hidden));
    p.put(GeneratorTrainer.WO, gaussian(random, hidden * alphabet.size()));
    p.put(GeneratorTrainer.BO, gaussian(random, alphabet.size()));
    int[] tokens = alphabet.sequence("hi", "hello", 8, 16);

    float[] engine =
        GeneratorTrainer.engineLogits(Engine.getInstance(), alphabet, hidden, p, tokens, true);
    CharLstm java = GeneratorTrainer.toJava(alphabet, hidden, p);
    CharLstm.State state = java.start();
    float[] gates = new float[4 * hidden];
    float[] logits = new float[alphabet.size()];
    for (int t = 0; t < tokens.length; t++) {
      java.step(state, tokens[t], true, gates);
      java.logits(state, logits);
      for (int j = 0; j < logits.length; j++) {
        assertThat(logits[j]).isCloseTo(engine[t * logits.length + j], within(1e-4f));
      }
    }
  }

  @Test
  void generatorLossFallsAndTheModelSamplesFinishedReplies() {
    TrainingResult result = train(Fixtures.chat(120, 21), TrainingControl.defaults());

    GeneratorTrainer.Result g = result.generator();
    assertThat(g).isNotNull();
    assertThat(g.completed()).isTrue();
    float[] losses = g.losses();
    assertThat(mean(losses, losses.length - 10, losses.length))
        .isLessThan(0.7f * mean(losses, 0, 10));
    assertThat(result.model().generates()).isTrue();
    assertThat(result.model().info().generatorSteps()).isEqualTo(g.totalSteps());
    List<CharLstm.Sample> samples =
        g.model().sample("Hey Alice, what do you think about the pizza?", 24, 64, 8, 0.5f, 4, 1);
    assertThat(samples).hasSize(8).anyMatch(CharLstm.Sample::finished);

    java.util.Set<String> known = java.util.Set.of("lol", "the", "pizza", "sounds", "great", "tbh");
    java.util.Set<String> prefixes = new java.util.HashSet<>();
    for (String w : known) {
      for (int end = 1; end <= w.length(); end++) {
        prefixes.add(w.substring(0, end));
      }
    }
    CharLstm.Words words =
        new CharLstm.Words() {
          @Override
          public boolean isPrefix(String prefix) {
            return prefixes.contains(prefix);
          }

          @Override
          public boolean isWord(String word) {
            return known.contains(word);
          }
        };
    List<CharLstm.Sample> constrained =
        g.model().sample("what do you think about the pizza?", 24, 64, 8, 0.5f, 4, 2, words);
    assertThat(constrained).anyMatch(CharLstm.Sample::finished);
    for (CharLstm.Sample sample : constrained) {
      if (sample.finished()) {
        assertThat(io.personastudio.ml.text.Tokenizer.words(sample.text()))
            .isNotEmpty()
            .allMatch(w -> known.contains(w) || w.equals("?") || w.equals("!"));
      }
    }
  }

  @Test
  void stoppedGeneratorResumesToExactlyTheUninterruptedWeights() {
    ImportedChat chat = Fixtures.chat(90, 22);
    TrainingResult uninterrupted = train(chat, TrainingControl.defaults());
    long encoderSteps = uninterrupted.encoder().totalSteps();
    Path checkpoint = dir.resolve("gen.ckpt");
    AtomicLong polls = new AtomicLong();

    TrainingResult stopped =
        train(
            chat,
            TrainingControl.defaults()
                .withCheckpoint(checkpoint, 4)
                .withStopRequested(() -> polls.incrementAndGet() > encoderSteps + 9));
    assertThat(stopped.encoder().completed()).isTrue();
    assertThat(stopped.generator().steps()).isEqualTo(9);
    assertThat(stopped.completed()).isFalse();
    assertThat(stopped.model().generates()).isFalse();
    assertThat(checkpoint).exists();

    List<TrainingProgress> events = new java.util.ArrayList<>();
    TrainingResult resumed =
        new PersonaTrainer(TrainingControl.defaults().withCheckpoint(checkpoint, 4), events::add)
            .train(new TrainingRequest(chat, "Alice", SMALL, false));

    assertThat(resumed.completed()).isTrue();
    assertThat(resumed.encoder().contextWeights())
        .containsExactly(uninterrupted.encoder().contextWeights());
    for (Map.Entry<String, float[]> e : uninterrupted.generator().parameters().entrySet()) {
      assertThat(resumed.generator().parameters().get(e.getKey()))
          .as(e.getKey())
          .containsExactly(e.getValue());
    }
    assertThat(resumed.generator().losses()).containsExactly(uninterrupted.generator().losses());
    assertThat(events).isNotEmpty();
    assertThat(events.get(0).step()).isGreaterThan(encoderSteps);
    assertThat(events.get(events.size() - 1).step()).isEqualTo(uninterrupted.totalSteps());
    List<String> context = List.of("Hey Alice, what do you think about the movie?");
    assertThat(resumed.model().reply(context)).isEqualTo(uninterrupted.model().reply(context));
  }

  @Test
  void modelsWithoutAGeneratorSaveAndLoad() {
    TrainingResult stopped =
        train(
            Fixtures.chat(60, 23),
            TrainingControl.defaults().withTimeBudget(java.time.Duration.ZERO));
    TrainingResult off =
        new PersonaTrainer(TrainingControl.defaults(), TrainingListener.NONE)
            .train(
                new TrainingRequest(
                    Fixtures.chat(60, 23),
                    "Alice",
                    SMALL.withGenerator(SMALL.generator().withSize(32, 16, 0, 0)),
                    false));

    for (TrainingResult r : List.of(stopped, off)) {
      assertThat(r.model().generates()).isFalse();
      io.personastudio.ml.model.PersonaModel loaded =
          io.personastudio.ml.model.ModelArtifact.fromBytes(
              io.personastudio.ml.model.ModelArtifact.toBytes(r.model()));
      assertThat(loaded.generates()).isFalse();
      assertThat(loaded.info()).isEqualTo(r.model().info());
      assertThat(loaded.reply(List.of("Hey Alice, what about the pizza?"))).isNotBlank();
    }
    assertThat(off.generator()).isNull();
    assertThat(off.completed()).isTrue();
  }

  private static float[] gaussian(Random random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian() * 0.5f;
    }
    return v;
  }

  private static float mean(float[] values, int from, int to) {
    float sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return sum / (to - from);
  }
}
