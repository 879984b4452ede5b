package io.personastudio.ml.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator is skipped when it cannot win: provably (gate 0, the same answers) or by the gate
 * tuned at training time. Contexts are drawn outside the fixture's wording so that the generator's
 * samples, not memorised lines, are what competes. A margin added to generated candidates makes the
 * generator win some replies, so "the same answer" covers replies it wins too.
 */
class GeneratorSkipTest {
  private static PersonaModel model;

  @BeforeAll
  static void train() {
    model = SmallGeneratingModel.get();
  }

  @Test
  void noGeneratedCandidateScoresAboveTheBound() {
    int scored = 0;
    for (float margin : new float[] {0f, 1f}) {
      PersonaModel m = withMargin(model, margin);
      List<List<String>> contexts = contexts(100, 11);
      for (int c = 0; c < contexts.size(); c++) {
        PersonaModel.Retrieval r = m.retrieve(contexts.get(c));
        double bound = m.generatorBound(r);
        for (long seed = 0; seed < 3; seed++) {
          for (PersonaModel.Generated g : m.generated(r, seed * 1_000 + c)) {
            assertThat((double) g.score()).as(g.text()).isLessThanOrEqualTo(bound);
            scored++;
          }
        }
      }
    }
    assertThat(scored).isGreaterThan(1_000);
  }

  @Test
  void provableSkipsChangeNoAnswer() {
    int skipped = 0;
    int won = 0;
    for (float margin : new float[] {0f, 0.25f, 1f}) {
      PersonaModel m = withMargin(model, margin).withGeneratorGate(0f);
      for (List<String> context : contexts(200, 3)) {
        PersonaModel.Answer always = m.answer(context, false);
        PersonaModel.Answer skipping = m.answer(context, true);

        assertThat(always.sampled()).isTrue();
        assertThat(skipping.text()).as(context.toString()).isEqualTo(always.text());
        assertThat(skipping.generated()).isEqualTo(always.generated());
        skipped += skipping.sampled() ? 0 : 1;
        won += always.generated() ? 1 : 0;
      }
    }
    // replies the generator wins and replies it is skipped for are both among the 600
    assertThat(skipped).isGreaterThan(200);
    assertThat(won).isPositive();
  }

  @Test
  void theTunedGateSkipsMoreAndKeepsEveryReplyTheGeneratorWins() {
    assertThat(model.info().generatorGate()).isPositive();
    PersonaModel m = withMargin(model, 1f);
    GeneratorGate.Tuning tuning = GeneratorGate.measure(m, contexts(100, 9));
    assertThat(tuning.wins()).isPositive();
    assertThat(tuning.winsKept()).isEqualTo(tuning.wins());

    PersonaModel provable = m.withGeneratorGate(0f);
    PersonaModel gated = m.withGeneratorGate(tuning.gate());
    int provableSkips = 0;
    int gatedSkips = 0;
    int won = 0;
    for (List<String> context : contexts(200, 3)) {
      PersonaModel.Answer always = m.answer(context, false);
      PersonaModel.Answer answer = gated.answer(context, true);

      assertThat(answer.text()).as(context.toString()).isEqualTo(always.text());
      gatedSkips += answer.sampled() ? 0 : 1;
      provableSkips += provable.answer(context, true).sampled() ? 0 : 1;
      won += always.generated() ? 1 : 0;
    }
    assertThat(won).isPositive();
    assertThat(gatedSkips).isGreaterThan(provableSkips + 50);
  }

  @Test
  void theGateTravelsInTheArtifactAndOlderArtifactsLoadWithout() {
    List<String> context = List.of("so the train?");
    PersonaModel loaded = ModelArtifact.fromBytes(ModelArtifact.toBytes(model));
    assertThat(loaded.info().generatorGate()).isEqualTo(model.info().generatorGate());
    assertThat(loaded.answer(context)).isEqualTo(model.answer(context));

    PersonaModel old = ModelArtifact.fromBytes(withoutGate(ModelArtifact.toBytes(model)));

    assertThat(old.info().generatorGate()).isZero();
    for (List<String> c : contexts(100, 5)) {
      // no gate: sampled only when the generator could win, so the answers of the old policy
      assertThat(old.answer(c))
          .usingRecursiveComparison()
          .ignoringFields("sampled")
          .isEqualTo(model.answer(c, false));
    }
  }

  @Test
  void aModelWithoutGeneratorIsNotTuned() {
    PersonaModel retrievalOnly =
        new PersonaModel(
            model.info().withGeneratorGate(0f),
            model.vocabulary(),
            model.encoder(),
            model.style(),
            model.poolContexts(),
            model.poolReplies(),
            null);

    PersonaModel tuned = GeneratorGate.tune(retrievalOnly, contexts(20, 1));

    assertThat(tuned.info().generatorGate()).isZero();
    assertThat(tuned.answer(List.of("so the pizza?")).sampled()).isFalse();
  }

  static PersonaModel withMargin(PersonaModel m, float margin) {
    return SmallGeneratingModel.withHyperparameters(
        m, h -> h.withGenerator(h.generator().with(b -> b.margin = margin)));
  }

  /** Questions on the fixture's topics and others, in wordings the fixture never has. */
  static List<List<String>> contexts(int n, long seed) {
    String[] topics = {
      "coffee",
      "movie",
      "dinner",
      "concert",
      "football",
      "homework",
      "weekend",
      "beach",
      "museum",
      "pizza",
      "train",
      "weather"
    };
    String[] asks = {
      "Hey Alice, what do you think about the ",
      "are you up for the ",
      "",
      "so the ",
      "lol ",
      "Bob here: "
    };
    Random random = new Random(seed);
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> context = new ArrayList<>();
      int turns = 1 + random.nextInt(3);
      for (int t = 0; t < turns; t++) {
        context.add(
            asks[random.nextInt(asks.length)]
                + topics[random.nextInt(topics.length)]
                + (random.nextBoolean() ? "?" : ""));
      }
      out.add(context);
    }
    return out;
  }

  /** The same artifact with its header as written before the gate existed. */
  private static byte[] withoutGate(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int length = in.getInt(8);
    String json = new String(bytes, 12, length, StandardCharsets.UTF_8);
    String old = json.replaceAll(",\"generatorGate\":[-0-9.eE]+", "");
    assertThat(old).isNotEqualTo(json).doesNotContain("generatorGate");
    byte[] header = old.getBytes(StandardCharsets.UTF_8);
    ByteBuffer out =
        ByteBuffer.allocate(bytes.length - length + header.length).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(in.getInt(0)).putInt(in.getInt(4)).putInt(header.length).put(header);
    out.put(bytes, 12 + length, bytes.length - 12 - length);
    return out.array();
  }
}
