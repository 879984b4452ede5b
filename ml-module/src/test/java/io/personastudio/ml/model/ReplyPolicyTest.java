package io.personastudio.ml.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.personastudio.ml.support.Fixtures;
import io.personastudio.ml.train.PersonaTrainer;
import io.personastudio.ml.train.TrainingControl;
import io.personastudio.ml.train.TrainingListener;
import io.personastudio.ml.train.TrainingRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReplyPolicyTest {
  private static PersonaModel model;

  @BeforeAll
  static void train() {
    Hyperparameters h =
        Hyperparameters.defaults()
            .withEpochs(3)
            .withShape(16, 16, 500)
            .withSeed(5)
            .withGenerator(
                GeneratorParameters.defaults()
                    .withSize(32, 16, 40, 400)
                    .withSampling(8, 0.5f, 4, 0f));
    model =
        new PersonaTrainer(TrainingControl.defaults(), TrainingListener.NONE)
            .train(new TrainingRequest(Fixtures.chat(150, 31), "Alice", h, false))
            .model();
  }

  @Test
  void brokenGeneratedTextIsRejected() {
    assertThat(model.wellFormed("lol the pizza sounds great", "")).isTrue();
    assertThat(model.wellFormed("lol lol lol", "")).isFalse();
    assertThat(model.wellFormed("the pizza the pizza", "")).isFalse();
    assertThat(model.wellFormed("zqxv blorp pizza", "")).isFalse();
    assertThat(model.wellFormed("?!", "")).isFalse();
    assertThat(model.wellFormed("coooooffee", "")).isFalse();
    assertThat(model.wellFormed("yeah sure", "Yeah sure")).isFalse();
  }

  @Test
  void repliesAreNeverEmptyAndRepeatable() {
    for (List<String> context :
        List.of(
            List.<String>of(),
            List.of(""),
            List.of("Hey Alice, what do you think about the pizza?"),
            List.of("qqq zzz"),
            List.of("Hey Alice, what do you think about the beach?", "and the museum?"))) {
      PersonaModel.Answer a = model.answer(context);
      assertThat(a.text()).isNotBlank();
      assertThat(model.answer(context)).isEqualTo(a);
      if (a.generated()) {
        assertThat(model.wellFormed(a.text(), "")).isTrue();
      }
    }
  }

  @Test
  void formatTwoRoundTripsTheGenerator() {
    PersonaModel loaded = ModelArtifact.fromBytes(ModelArtifact.toBytes(model));
    List<String> context = List.of("Hey Alice, what do you think about the concert?");

    assertThat(loaded.generates()).isTrue();
    assertThat(loaded.answer(context)).isEqualTo(model.answer(context));
    assertThat(loaded.generator().wx()).containsExactly(model.generator().wx());
  }

  @Test
  void formatOneArtifactLoadsAsRetrievalOnly() {
    byte[] v1 = formatOne(ModelArtifact.toBytes(withoutGenerator(model)));

    PersonaModel loaded = ModelArtifact.fromBytes(v1);

    assertThat(loaded.generates()).isFalse();
    List<String> context = List.of("Hey Alice, what do you think about the concert?");
    assertThat(loaded.answer(context).generated()).isFalse();
    assertThat(loaded.reply(context)).isNotBlank();
    assertThat(loaded.rank(context, List.of("a", "b"))).hasSize(2);
  }

  @Test
  void newerFormatFailsWithAClearMessage() {
    byte[] bytes = ModelArtifact.toBytes(model);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 3);

    assertThatThrownBy(() -> ModelArtifact.fromBytes(bytes))
        .hasMessageContaining("unsupported model format version 3")
        .hasMessageContaining("newer than this build");
  }

  private static PersonaModel withoutGenerator(PersonaModel m) {
    return new PersonaModel(
        m.info(), m.vocabulary(), m.encoder(), m.style(), m.poolContexts(), m.poolReplies(), null);
  }

  /** A format-1 file: same layout without the generator section (its 4-byte "absent" flag). */
  private static byte[] formatOne(byte[] v2WithoutGenerator) {
    byte[] v1 = Arrays.copyOf(v2WithoutGenerator, v2WithoutGenerator.length - 4);
    ByteBuffer.wrap(v1).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1);
    return v1;
  }
}
