package io.personastudio.ml.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

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
    model = SmallGeneratingModel.get();
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
  void theVoiceModelRoundTripsAndChoosesTheReplies() {
    assertThat(model.style().hasVoice()).isTrue();
    PersonaModel loaded = ModelArtifact.fromBytes(ModelArtifact.toBytes(model));

    StyleModel voice = loaded.style().voice();
    assertThat(voice.keptWords()).isEqualTo(model.style().voice().keptWords()).isNotEmpty();
    assertThat(voice.ngramLogRatio()).containsExactly(model.style().voice().ngramLogRatio());
    assertThat(loaded.style().ngramLogRatio()).containsExactly(model.style().ngramLogRatio());
    for (String topic : List.of("concert", "pizza", "beach", "museum", "homework")) {
      List<String> context = List.of("Hey Alice, what do you think about the " + topic + "?");
      assertThat(loaded.answer(context)).isEqualTo(model.answer(context));
    }
  }

  @Test
  void formatThreeArtifactLoadsWithoutAVoiceAndChoosesByTheStyleModel() {
    PersonaModel loaded = ModelArtifact.fromBytes(formatThree(model));

    assertThat(loaded.style().hasVoice()).isFalse();
    assertThat(loaded.style().voice()).isSameAs(loaded.style());
    assertThat(loaded.style().ngramLogRatio()).containsExactly(model.style().ngramLogRatio());
    List<String> context = List.of("Hey Alice, what do you think about the concert?");
    assertThat(loaded.reply(context)).isNotBlank();
  }

  @Test
  void formatOneArtifactLoadsAsRetrievalOnly() {
    byte[] v1 = formatOne(formatThree(withoutGenerator(model)));

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
    int newer = ModelArtifact.FORMAT_VERSION + 1;
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, newer);

    assertThatThrownBy(() -> ModelArtifact.fromBytes(bytes))
        .hasMessageContaining("unsupported model format version " + newer)
        .hasMessageContaining("newer than this build");
  }

  @Test
  void formatTwoArtifactLoadsWithThePolicyItWasTrainedWith() {
    PersonaModel withEvidence =
        SmallGeneratingModel.withHyperparameters(model, h -> h.withEvidenceWeight(2f));
    byte[] v2 = formatTwo(formatThree(withEvidence));

    PersonaModel loaded = ModelArtifact.fromBytes(v2);

    assertThat(withEvidence.info().hyperparameters().weightEvidence()).isPositive();
    assertThat(withEvidence.info().hyperparameters().weightConsensus()).isPositive();
    assertThat(loaded.info().hyperparameters().weightEvidence()).isZero();
    assertThat(loaded.info().hyperparameters().weightConsensus()).isZero();
    PersonaModel oldPolicy =
        SmallGeneratingModel.withHyperparameters(
            model, h -> h.withEvidenceWeight(0f).withConsensusWeight(0f));
    for (String question : List.of("concert", "pizza", "beach", "museum", "homework")) {
      List<String> context = List.of("Hey Alice, what do you think about the " + question + "?");
      assertThat(loaded.answer(context)).isEqualTo(oldPolicy.answer(context));
    }
  }

  @Test
  void evidenceWeightChoosesTheReplyThatReadsMoreLikeThePerson() {
    // two short lines a side: the evidence of a short line stays far from tanh's saturation (in the
    // synthetic chat every reply of Alice's is so clearly hers that the term cannot tell them
    // apart)
    StyleModel style =
        StyleModel.train(List.of("ok ok!!", "sure ok!!"), List.of("Perhaps, indeed.", "Indeed."));
    String neutral = "Perhaps the coffee.";
    String personal = "ok the coffee!!";
    assertThat(style.evidence(personal)).isGreaterThan(style.evidence(neutral));
    List<String> asked = List.of("what about the coffee?");
    PersonaModel evidenceOnly = SmallGeneratingModel.withInfo(model, onlyTerms(1f, 0f));
    PersonaModel nothing =
        SmallGeneratingModel.withHyperparameters(evidenceOnly, h -> h.withEvidenceWeight(0f));
    PersonaModel with = withPool(evidenceOnly, style, asked, neutral, personal);
    PersonaModel without = withPool(nothing, style, asked, neutral, personal);

    // every other term is off: without evidence the candidates tie and the first stored one is said
    assertThat(without.reply(asked)).isEqualTo(neutral);
    assertThat(with.reply(asked)).isEqualTo(personal);
  }

  /**
   * The small model's information with every weighted term of the policy off but style evidence and
   * consensus, at these weights.
   */
  private static ModelInfo onlyTerms(float evidence, float consensus) {
    return SmallGeneratingModel.withHyperparameters(
            model,
            h ->
                h.withWeights(0f, 0f, 0f, 0f, 0f)
                    .withEvidenceWeight(evidence)
                    .withConsensusWeight(consensus))
        .info();
  }

  /** A model of the small model's trained parts with this style model and two stored replies. */
  private static PersonaModel withPool(
      PersonaModel m, StyleModel style, List<String> context, String first, String second) {
    return new PersonaModel(
        m.info(),
        m.vocabulary(),
        m.encoder(),
        style,
        List.of(context, context),
        List.of(first, second),
        null);
  }

  @Test
  void consensusWeightPrefersTheAnswerTheLikelyRepliesAgreeOn() {
    PersonaModel without =
        SmallGeneratingModel.withHyperparameters(model, h -> h.withConsensusWeight(0f));
    PersonaModel only = SmallGeneratingModel.withInfo(model, onlyTerms(0f, 1f));
    double with = 0;
    double before = 0;
    for (String topic : List.of("coffee", "movie", "dinner", "concert", "football", "beach")) {
      List<String> context = List.of("Hey Alice, what do you think about the " + topic + "?");
      // Alice's three ways of answering this question, equally likely in the fixture
      List<String> likely =
          List.of(
              "lol the " + topic + " sounds great tbh",
              "hmm " + topic + " again? ok fine lol",
              "yeah sure, " + topic + " works for me");
      List<Consensus.Bag> likelyWords = likely.stream().map(Consensus.Bag::of).toList();
      float[] equal = {1, 1, 1};
      with += Consensus.expectedF1(model.reply(context), likelyWords, equal);
      before += Consensus.expectedF1(without.reply(context), likelyWords, equal);
      // with consensus alone, the choice is one of her answers to this topic
      assertThat(likely).as(context.toString()).contains(only.reply(context));
    }
    assertThat(with).isGreaterThanOrEqualTo(before);
  }

  @Test
  void rankingPutsARepeatOfTheContextLast() {
    List<String> context = List.of("Hey Alice, what do you think about the pizza?", "well?");

    float[] scores =
        model.rank(
            context,
            List.of("lol the pizza sounds great", "hey alice, what do you think about the pizza?"));

    assertThat(scores[0]).isGreaterThan(scores[1]);
  }

  @Test
  void rankingAgreesWithTheRepliesToTheClosestContextsOnly() {
    // twelve stored contexts close to the question, all answered one way; thirteen a little less
    // close, answered another way; a hundred unrelated ones (not retrieved)
    List<List<String>> contexts = new java.util.ArrayList<>();
    List<String> replies = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      contexts.add(List.of("do you want pizza tonight"));
      replies.add("yes pizza tonight");
    }
    for (int i = 0; i < 13; i++) {
      contexts.add(List.of("do you want pizza later"));
      replies.add("no thanks");
    }
    for (int i = 0; i < 100; i++) {
      contexts.add(List.of("hello there friend " + i));
      replies.add("hello");
    }
    ModelInfo consensusOnly = onlyTerms(0f, 1f);
    PersonaModel closest = handMade(consensusOnly, contexts, replies);
    PersonaModel every =
        handMade(consensusOnly.withRankConsensusReplies(Integer.MAX_VALUE), contexts, replies);
    List<String> context = List.of("do you want pizza tonight?");
    List<String> candidates = List.of("yes pizza tonight", "no thanks");

    float[] near = closest.rank(context, candidates);
    float[] all = every.rank(context, candidates);

    assertThat(PersonaModel.RANK_CONSENSUS_REPLIES).isEqualTo(12);
    // the two models differ only in the consensus term (weight 1): against the twelve closest
    // replies the first candidate agrees fully and the second not at all (margin 1); against all
    // 25 the thirteen far replies, though weaker matches, pull towards the second
    float shift = (near[0] - near[1]) - (all[0] - all[1]);
    assertThat(shift).isGreaterThan(0.05f).isLessThan(1f);
  }

  @Test
  void aLongChatHistoryIsAnsweredByItsNewestTurns() {
    List<List<String>> contexts = new java.util.ArrayList<>();
    List<String> replies = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      contexts.add(List.of("shall we get pizza tonight"));
      replies.add("yes pizza, extra cheese");
      contexts.add(List.of("did you see the movie on friday"));
      replies.add("the movie was great");
    }
    for (int i = 0; i < 50; i++) {
      contexts.add(List.of("hello there friend " + i));
      replies.add("hello");
    }
    PersonaModel persona = handMade(model.info(), contexts, replies);
    // the bot hands in its last 12 turns and the new message: pizza talk, then a new question
    List<String> history = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      history.add("shall we get pizza tonight? pizza pizza");
      history.add("hmm");
    }
    history.add("sure");
    history.add("whatever");
    history.add("and the movie?");

    assertThat(model.info().hyperparameters().contextTurns()).isEqualTo(3);
    assertThat(persona.reply(history)).isEqualTo("the movie was great");
    assertThat(persona.reply(history.subList(0, 10))).isEqualTo("yes pizza, extra cheese");
  }

  private static PersonaModel handMade(
      ModelInfo info, List<List<String>> contexts, List<String> replies) {
    List<String> documents = new java.util.ArrayList<>(replies);
    contexts.forEach(documents::addAll);
    io.personastudio.ml.text.Vocabulary vocabulary =
        io.personastudio.ml.text.Vocabulary.build(documents, 1, 1000);
    int dim = 2;
    float[] zero = new float[vocabulary.size() * dim];
    return new PersonaModel(
        info,
        vocabulary,
        new RelevanceEncoder(vocabulary.size(), dim, zero, zero),
        StyleModel.train(replies, documents),
        contexts,
        replies,
        null);
  }

  @Test
  void artifactWrittenBeforeTheRankConsensusLimitRanksAsItDidThen() {
    byte[] bytes = ModelArtifact.toBytes(model);
    byte[] old = withoutHeaderField(bytes, "rankConsensusReplies");

    PersonaModel loaded = ModelArtifact.fromBytes(old);

    assertThat(loaded.info().rankConsensusReplies()).isZero();
    PersonaModel everyRetrieved =
        SmallGeneratingModel.withInfo(
            model, model.info().withRankConsensusReplies(Integer.MAX_VALUE));
    boolean changedByTheLimit = false;
    for (String topic : List.of("coffee", "movie", "dinner", "concert", "football", "beach")) {
      List<String> context = List.of("Hey Alice, what do you think about the " + topic + "?");
      List<String> candidates =
          List.of(
              "lol the " + topic + " sounds great tbh",
              "hmm pizza again? ok fine lol",
              "yeah sure, museum works for me");
      assertThat(loaded.rank(context, candidates))
          .containsExactly(everyRetrieved.rank(context, candidates));
      changedByTheLimit |=
          !Arrays.equals(model.rank(context, candidates), loaded.rank(context, candidates));
    }
    assertThat(changedByTheLimit).isTrue();
    assertThat(ModelArtifact.fromBytes(bytes).info().rankConsensusReplies())
        .isEqualTo(PersonaModel.RANK_CONSENSUS_REPLIES);
  }

  @Test
  void aReplyDoesNotRepeatALineTheContextAlreadyHolds() {
    PersonaModel repeating =
        SmallGeneratingModel.withInfo(model, model.info().withRepliesAvoidingContext(false));
    int repeatedBefore = 0;
    for (String topic : List.of("coffee", "movie", "dinner", "concert", "football", "beach")) {
      String question = "Hey Alice, what do you think about the " + topic + "?";
      String first = model.reply(List.of(question));
      // she answered; he asks again: her answer is in the context now
      List<String> again = List.of(question, first, question + " really?");

      assertThat(model.reply(again)).as(topic).isNotEqualToIgnoringCase(first);
      if (repeating.reply(again).equalsIgnoreCase(first)) {
        repeatedBefore++;
      }
    }
    assertThat(repeatedBefore).as("answers repeated by the policy before").isPositive();
  }

  @Test
  void artifactWrittenBeforeContextAvoidanceRepliesAsItDidThen() {
    byte[] bytes = ModelArtifact.toBytes(model);

    PersonaModel loaded = ModelArtifact.fromBytes(withoutHeaderField(bytes, "repliesAvoidContext"));

    assertThat(model.info().repliesAvoidContext()).isTrue();
    assertThat(loaded.info().repliesAvoidContext()).isFalse();
    PersonaModel repeating =
        SmallGeneratingModel.withInfo(model, model.info().withRepliesAvoidingContext(false));
    for (String topic : List.of("coffee", "movie", "dinner", "concert", "football", "beach")) {
      String question = "Hey Alice, what do you think about the " + topic + "?";
      List<String> again = List.of(question, model.reply(List.of(question)), question);
      assertThat(loaded.answer(again)).isEqualTo(repeating.answer(again));
    }
  }

  @Test
  void aLineMuchLongerThanThePersonsUsualLosesToATypicalOne() {
    List<String> asked = List.of("shall we get coffee?");
    String rant =
        "oh coffee, well, I could talk for hours about the coffee place and its awful chairs again";
    String typical = "sure, coffee sounds good";
    List<List<String>> contexts =
        List.of(
            asked, asked, List.of("how was the museum"), List.of("nice weather"), List.of("bye"));
    List<String> replies = List.of(rant, typical, "fine", "yes", "see you");
    // every weighted term off: the two answers to the question tie, and the first stored is said
    ModelInfo termsOff = onlyTerms(0f, 0f);

    PersonaModel before = handMade(termsOff.withReplyLengthPenalty(0f), contexts, replies);
    PersonaModel now =
        handMade(
            termsOff.withReplyLengthPenalty(PersonaModel.REPLY_LENGTH_PENALTY), contexts, replies);

    assertThat(before.reply(asked)).isEqualTo(rant);
    assertThat(now.reply(asked)).isEqualTo(typical);
  }

  @Test
  void theLengthPenaltyGrowsWithTheLogOfTheLengthAboveThePoolsMedian() {
    float[] excess = PersonaModel.lengthExcess(new int[] {2, 1, 4, 8});

    // median of 2, 1, 4, 8 words (the upper one of an even pool): 4
    assertThat(excess[0]).isZero();
    assertThat(excess[1]).isZero();
    assertThat(excess[2]).isZero();
    assertThat(excess[3]).isCloseTo((float) Math.log(2), offset(1e-6f));
    assertThat(PersonaModel.lengthExcess(new int[0])).isEmpty();
  }

  @Test
  void artifactWrittenBeforeTheLengthPenaltyRepliesAsItDidThen() {
    byte[] bytes = ModelArtifact.toBytes(model);

    PersonaModel loaded = ModelArtifact.fromBytes(withoutHeaderField(bytes, "replyLengthPenalty"));

    assertThat(model.info().replyLengthPenalty()).isEqualTo(PersonaModel.REPLY_LENGTH_PENALTY);
    assertThat(loaded.info().replyLengthPenalty()).isZero();
    PersonaModel unpenalised =
        SmallGeneratingModel.withInfo(model, model.info().withReplyLengthPenalty(0f));
    for (String topic : List.of("coffee", "movie", "dinner", "concert", "football", "beach")) {
      List<String> context = List.of("Hey Alice, what do you think about the " + topic + "?");
      assertThat(loaded.answer(context)).isEqualTo(unpenalised.answer(context));
    }
  }

  /** The same artifact with one field of its JSON header left out, as an older build wrote it. */
  private static byte[] withoutHeaderField(byte[] artifact, String field) {
    ByteBuffer in = ByteBuffer.wrap(artifact).order(ByteOrder.LITTLE_ENDIAN);
    int length = in.getInt(8);
    String json = new String(artifact, 12, length, java.nio.charset.StandardCharsets.UTF_8);
    String old = json.replaceAll(",\"" + field + "\":[^,}]+", "");
    assertThat(old).isNotEqualTo(json).doesNotContain(field);
    byte[] header = old.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ByteBuffer out =
        ByteBuffer.allocate(artifact.length - length + header.length)
            .order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(in.getInt(0)).putInt(in.getInt(4)).putInt(header.length).put(header);
    out.put(artifact, 12 + length, artifact.length - 12 - length);
    return out.array();
  }

  /** A format-2 file: the same layout, the header without the knobs format 3 added. */
  private static byte[] formatTwo(byte[] v3) {
    ByteBuffer in = ByteBuffer.wrap(v3).order(ByteOrder.LITTLE_ENDIAN);
    int length = in.getInt(8);
    String json = new String(v3, 12, length, java.nio.charset.StandardCharsets.UTF_8);
    String old =
        json.replaceAll(
            ",\"(weightEvidence|weightConsensus|rankConsensusReplies|repliesAvoidContext)\":[^,}]+",
            "");
    assertThat(old).isNotEqualTo(json).doesNotContain("weightEvidence").doesNotContain("Consensus");
    byte[] header = old.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ByteBuffer out =
        ByteBuffer.allocate(v3.length - length + header.length).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(in.getInt(0)).putInt(2).putInt(header.length).put(header);
    out.put(v3, 12 + length, v3.length - 12 - length);
    return out.array();
  }

  private static PersonaModel withoutGenerator(PersonaModel m) {
    return new PersonaModel(
        m.info(), m.vocabulary(), m.encoder(), m.style(), m.poolContexts(), m.poolReplies(), null);
  }

  /** A format-3 file: the model's bytes without the voice section (its 4-byte "absent" flag). */
  private static byte[] formatThree(PersonaModel m) {
    StyleModel style = m.style();
    StyleModel asWritten = new StyleModel(style.ngramLogRatio(), style.lengthLogRatio());
    byte[] v4 =
        ModelArtifact.toBytes(
            new PersonaModel(
                m.info(),
                m.vocabulary(),
                m.encoder(),
                asWritten,
                m.poolContexts(),
                m.poolReplies(),
                m.generator()));
    byte[] v3 = Arrays.copyOf(v4, v4.length - 4);
    ByteBuffer.wrap(v3).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 3);
    return v3;
  }

  /** A format-1 file: same layout without the generator section (its 4-byte "absent" flag). */
  private static byte[] formatOne(byte[] v2WithoutGenerator) {
    byte[] v1 = Arrays.copyOf(v2WithoutGenerator, v2WithoutGenerator.length - 4);
    ByteBuffer.wrap(v1).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1);
    return v1;
  }
}
