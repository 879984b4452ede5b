package io.personastudio.ml.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.personastudio.ml.chat.ImportedChat;
import io.personastudio.ml.model.Hyperparameters;
import io.personastudio.ml.model.ModelArtifact;
import io.personastudio.ml.model.PersonaModel;
import io.personastudio.ml.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonaTrainingTest {
  private static final Hyperparameters SMALL =
      Hyperparameters.defaults().withEpochs(6).withShape(16, 16, 500).withSeed(7);

  @TempDir Path dir;

  private static TrainingResult train(ImportedChat chat, TrainingControl control) {
    return new PersonaTrainer(control, TrainingListener.NONE)
        .train(new TrainingRequest(chat, "Alice", SMALL, false));
  }

  @Test
  void lossFallsAndProgressIsReported() {
    List<TrainingProgress> events = new ArrayList<>();
    TrainingResult result =
        new PersonaTrainer(TrainingControl.defaults().withProgressEvery(5), events::add)
            .train(new TrainingRequest(Fixtures.chat(120, 1), "alice", SMALL, false));

    float[] losses = result.encoder().losses();
    assertThat(result.completed()).isTrue();
    assertThat(losses).hasSize((int) result.encoder().totalSteps());
    assertThat(average(losses, losses.length - 5, losses.length))
        .isLessThan(0.8f * average(losses, 0, 5));
    assertThat(events).isNotEmpty();
    assertThat(events.get(events.size() - 1).step()).isEqualTo(result.totalSteps());
    assertThat(events).allMatch(e -> e.totalSteps() == result.totalSteps());
    assertThat(result.person().name()).isEqualTo("Alice");
  }

  @Test
  void sameSeedGivesIdenticalWeights() {
    ImportedChat chat = Fixtures.chat(60, 2);
    TrainingResult a = train(chat, TrainingControl.defaults());
    TrainingResult b = train(chat, TrainingControl.defaults());

    assertThat(a.encoder().contextWeights()).containsExactly(b.encoder().contextWeights());
    assertThat(a.encoder().losses()).containsExactly(b.encoder().losses());
  }

  @Test
  void stoppedTrainingResumesToExactlyTheUninterruptedResult() {
    ImportedChat chat = Fixtures.chat(80, 3);
    TrainingResult uninterrupted = train(chat, TrainingControl.defaults());
    Path checkpoint = dir.resolve("run.ckpt");
    AtomicLong polls = new AtomicLong();

    TrainingResult stopped =
        train(
            chat,
            TrainingControl.defaults()
                .withCheckpoint(checkpoint, 3)
                .withStopRequested(() -> polls.incrementAndGet() > 7));
    assertThat(stopped.completed()).isFalse();
    assertThat(stopped.encoder().steps()).isEqualTo(7);
    assertThat(checkpoint).exists();

    TrainingResult resumed = train(chat, TrainingControl.defaults().withCheckpoint(checkpoint, 3));

    assertThat(resumed.completed()).isTrue();
    assertThat(resumed.encoder().contextWeights())
        .containsExactly(uninterrupted.encoder().contextWeights());
    assertThat(resumed.encoder().replyWeights())
        .containsExactly(uninterrupted.encoder().replyWeights());
    assertThat(resumed.encoder().losses()).containsExactly(uninterrupted.encoder().losses());
  }

  @Test
  void exhaustedTimeBudgetStopsWithAUsableModelAndACheckpoint() {
    Path checkpoint = dir.resolve("budget.ckpt");
    TrainingResult result =
        train(
            Fixtures.chat(60, 10),
            TrainingControl.defaults()
                .withCheckpoint(checkpoint, 0)
                .withTimeBudget(java.time.Duration.ZERO));

    assertThat(result.completed()).isFalse();
    assertThat(result.model().info().completed()).isFalse();
    assertThat(result.encoder().steps()).isLessThan(result.encoder().totalSteps());
    assertThat(checkpoint).exists();
    assertThat(result.model().reply(List.of("Hey Alice, what do you think about the pizza?")))
        .isNotBlank();
  }

  @Test
  void checkpointOfOtherDataIsRefused() {
    Path checkpoint = dir.resolve("other.ckpt");
    AtomicLong polls = new AtomicLong();
    train(
        Fixtures.chat(60, 4),
        TrainingControl.defaults()
            .withCheckpoint(checkpoint, 0)
            .withStopRequested(() -> polls.incrementAndGet() > 2));

    assertThatThrownBy(
            () ->
                train(
                    Fixtures.chat(70, 5), TrainingControl.defaults().withCheckpoint(checkpoint, 0)))
        .hasMessageContaining("checkpoint belongs to other data");
  }

  @Test
  void tooFewRepliesSaysHowManyAreNeeded() {
    assertThatThrownBy(() -> train(Fixtures.chat(5, 6), TrainingControl.defaults()))
        .hasMessageContaining("too few messages")
        .hasMessageContaining("5 times")
        .hasMessageContaining("at least " + PersonaTrainer.MIN_REPLIES);
  }

  @Test
  void savedModelLoadsWithIdenticalRepliesAndScores() throws Exception {
    PersonaModel model = train(Fixtures.chat(100, 8), TrainingControl.defaults()).model();
    Path file = dir.resolve("alice.psml");
    ModelArtifact.write(model, file);
    PersonaModel loaded = ModelArtifact.read(file);
    List<String> context = List.of("Hey Alice, what do you think about the pizza?");
    List<String> candidates =
        List.of("lol the pizza sounds great tbh", "Hey Alice, what about the museum?", "");

    assertThat(loaded.reply(context)).isEqualTo(model.reply(context)).isNotBlank();
    assertThat(loaded.rank(context, candidates)).containsExactly(model.rank(context, candidates));
    assertThat(loaded.info()).isEqualTo(model.info());
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("alice.psml");
  }

  @Test
  void modelPrefersThePersonsOnTopicReply() {
    PersonaModel model = train(Fixtures.chat(150, 9), TrainingControl.defaults()).model();
    List<String> context = List.of("Hey Alice, what do you think about the concert?");

    float[] scores =
        model.rank(
            context,
            List.of(
                "yeah sure, concert works for me",
                "Hey Alice, what do you think about the beach?"));

    assertThat(scores[0]).isGreaterThan(scores[1]);
    assertThat(model.reply(context)).contains("concert");
    assertThat(model.reply(List.of())).isNotBlank();
  }

  private static float average(float[] values, int from, int to) {
    float sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return sum / (to - from);
  }
}
