package io.personastudio.ml.train;

import io.personastudio.ml.MlException;
import io.personastudio.ml.chat.ChatMessage;
import io.personastudio.ml.chat.Participant;
import io.personastudio.ml.dataset.Dataset;
import io.personastudio.ml.dataset.DatasetBuilder;
import io.personastudio.ml.dataset.DatasetOptions;
import io.personastudio.ml.dataset.DialoguePair;
import io.personastudio.ml.dataset.MediaPolicy;
import io.personastudio.ml.dataset.Turn;
import io.personastudio.ml.model.CharAlphabet;
import io.personastudio.ml.model.GeneratorGate;
import io.personastudio.ml.model.GeneratorParameters;
import io.personastudio.ml.model.Hyperparameters;
import io.personastudio.ml.model.ModelArtifact;
import io.personastudio.ml.model.ModelInfo;
import io.personastudio.ml.model.PersonaModel;
import io.personastudio.ml.model.RelevanceEncoder;
import io.personastudio.ml.model.StyleModel;
import io.personastudio.ml.text.SparseVector;
import io.personastudio.ml.text.Vocabulary;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a chat into a persona model: dataset, vocabulary, relevance encoder (DJL), style model and
 * the reply pool. The library entry point of training; the CLI and the server's worker call it.
 */
public final class PersonaTrainer {
  /** Fewer replies by the person than this and there is nothing to learn a style from. */
  public static final int MIN_REPLIES = 20;

  private static final int ALPHABET = 256;

  /** The last part of the chat whose contexts tune the generator gate. */
  private static final double VALIDATION_FRACTION = 0.2;

  private static final String ENCODER_CONTEXT = "encoder/" + RelevanceTrainer.CONTEXT;
  private static final String ENCODER_REPLY = "encoder/" + RelevanceTrainer.REPLY;
  private static final String ENCODER_LOSSES = "encoder/losses";

  /** Rough cost of one generator step, only for the ETA reported while the encoder trains. */
  private static final long GENERATOR_STEP_MILLIS_GUESS = 40;

  private final TrainingControl control;
  private final TrainingListener listener;

  public PersonaTrainer(TrainingControl control, TrainingListener listener) {
    this.control = control;
    this.listener = listener;
  }

  /** True once the run's control asks it to stop (the evaluation then measures nothing). */
  public boolean stopRequested() {
    return control.stopRequested() != null && control.stopRequested().getAsBoolean();
  }

  public static DatasetOptions datasetOptions(Hyperparameters h, boolean scrub) {
    return new DatasetOptions(
        Duration.ofMinutes(h.gapMinutes()), h.contextTurns(), scrub, MediaPolicy.MARKER);
  }

  public TrainingResult train(TrainingRequest request) {
    Participant person = request.chat().person(request.person());
    Dataset dataset =
        new DatasetBuilder(datasetOptions(request.hyperparameters(), request.scrub()))
            .build(request.chat().messages());
    return train(dataset.turns(), dataset.pairs(), person, request.hyperparameters());
  }

  /** Trains from turns and pairs already built (the evaluation uses the earlier part only). */
  public TrainingResult train(
      List<Turn> turns, List<DialoguePair> pairs, Participant person, Hyperparameters h) {
    long started = System.nanoTime();
    long deadline = TrainingLoop.deadline(control, control.clock().getAsLong());
    List<DialoguePair> own = pairs.stream().filter(p -> p.replierId().equals(person.id())).toList();
    if (own.size() < MIN_REPLIES) {
      throw new MlException(
          "too few messages to learn from: "
              + person.name()
              + " answers someone else "
              + own.size()
              + " times; at least "
              + MIN_REPLIES
              + " replies are needed");
    }
    List<String> documents = new ArrayList<>();
    turns.forEach(t -> documents.add(t.text()));
    Vocabulary vocabulary = Vocabulary.build(documents, h.minDocs(), h.maxVocabulary());
    if (vocabulary.size() < 2) {
      throw new MlException("too few distinct words to learn from: " + vocabulary.size());
    }
    List<SparseVector> contexts = new ArrayList<>();
    List<SparseVector> replies = new ArrayList<>();
    for (DialoguePair p : pairs) {
      SparseVector c = vocabulary.context(p.context());
      SparseVector r = vocabulary.tfidf(p.reply());
      if (!c.isEmpty() && !r.isEmpty()) {
        contexts.add(c);
        replies.add(r);
      }
    }
    GeneratorParameters g = h.generatorOrNone();
    List<String> textTurns = new ArrayList<>();
    for (Turn t : turns) {
      if (t.ownWriting() && !t.text().equals(ChatMessage.MEDIA_MARKER)) {
        textTurns.add(t.text());
      }
    }
    CharAlphabet alphabet = CharAlphabet.build(textTurns, ALPHABET);
    List<GeneratorTrainer.Sequence> sequences = List.of();
    if (g.enabled()) {
      List<String> newest = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      List<Boolean> isPerson = new ArrayList<>();
      for (DialoguePair p : pairs) {
        if (p.reply().equals(ChatMessage.MEDIA_MARKER) || p.context().isEmpty()) {
          continue;
        }
        newest.add(p.context().get(p.context().size() - 1));
        texts.add(p.reply());
        isPerson.add(p.replierId().equals(person.id()));
      }
      sequences = GeneratorTrainer.sequences(alphabet, newest, texts, isPerson, g);
    }
    long encoderTotal = RelevanceTrainer.totalSteps(h, contexts.size());
    long generatorTotal = GeneratorTrainer.totalSteps(g, sequences.size());
    long fingerprint =
        ((((vocabulary.fingerprint() * 31 + vocabulary.size()) * 31 + contexts.size()) * 31
                            + h.hashCode())
                        * 31
                    + alphabet.fingerprint())
                * 31
            + sequences.size();

    TrainingCheckpoint generatorPhase = generatorCheckpoint(fingerprint);
    EncoderTrainingResult encoder;
    if (generatorPhase != null) {
      Map<String, float[]> saved = generatorPhase.parameters();
      float[] encoderLosses = saved.get(ENCODER_LOSSES);
      encoder =
          new EncoderTrainingResult(
              saved.get(ENCODER_CONTEXT),
              saved.get(ENCODER_REPLY),
              encoderLosses.length,
              encoderLosses.length,
              encoderLosses,
              true,
              Duration.ZERO);
    } else {
      TrainingListener encoderListener =
          p ->
              listener.onProgress(
                  new TrainingProgress(
                      p.step(),
                      encoderTotal + generatorTotal,
                      p.loss(),
                      Duration.ofNanos(System.nanoTime() - started),
                      p.eta().plusMillis(GENERATOR_STEP_MILLIS_GUESS * generatorTotal)));
      encoder =
          new RelevanceTrainer(h, control, encoderListener)
              .train(vocabulary.size(), contexts, replies, vocabulary.fingerprint());
    }
    GeneratorTrainer.Result generator = null;
    if (encoder.completed() && generatorTotal > 0) {
      long offset = encoder.totalSteps();
      TrainingListener generatorListener =
          p ->
              listener.onProgress(
                  new TrainingProgress(
                      offset + p.step(), offset + p.totalSteps(), p.loss(), p.elapsed(), p.eta()));
      EncoderTrainingResult enc = encoder;
      TrainingLoop.Saver saver =
          control.checkpoint() == null
              ? null
              : (step, params, adam, losses) -> {
                Map<String, float[]> all = new LinkedHashMap<>(params);
                all.put(ENCODER_CONTEXT, enc.contextWeights());
                all.put(ENCODER_REPLY, enc.replyWeights());
                all.put(ENCODER_LOSSES, enc.losses());
                new TrainingCheckpoint(
                        fingerprint, step, all, adam.exportFirst(), adam.exportSecond(), losses)
                    .write(control.checkpoint());
              };
      generator =
          new GeneratorTrainer(g, h.seed(), control)
              .train(alphabet, sequences, generatorPhase, deadline, generatorListener, saver);
    }
    List<String> personTurns = new ArrayList<>();
    List<String> otherTurns = new ArrayList<>();
    for (Turn t : turns) {
      if (!t.ownWriting() || t.text().equals(ChatMessage.MEDIA_MARKER)) {
        continue;
      }
      (t.senderId().equals(person.id()) ? personTurns : otherTurns).add(t.text());
    }
    StyleModel style = StyleModel.train(personTurns, otherTurns);
    boolean completed = encoder.completed() && (generator == null || generator.completed());
    ModelInfo info =
        new ModelInfo(
            ModelArtifact.FORMAT_VERSION,
            engineName(),
            person.id(),
            person.name(),
            h,
            contexts.size(),
            encoder.steps(),
            finite(
                encoder.recentLoss(
                    (int) Math.max(1, encoder.totalSteps() / Math.max(1, h.epochs())))),
            completed,
            generator == null ? 0 : generator.steps(),
            generator == null ? 0f : recent(generator.losses(), 20),
            0f,
            PersonaModel.RANK_CONSENSUS_REPLIES,
            true,
            PersonaModel.REPLY_LENGTH_PENALTY);
    PersonaModel model =
        new PersonaModel(
            info,
            vocabulary,
            new RelevanceEncoder(
                vocabulary.size(), h.dim(), encoder.contextWeights(), encoder.replyWeights()),
            style,
            own.stream().map(DialoguePair::context).toList(),
            own.stream().map(DialoguePair::reply).toList(),
            generator == null ? null : generator.model());
    if (completed && !stopRequested()) {
      model = GeneratorGate.tune(model, validationContexts(turns, own));
    }
    return new TrainingResult(
        model,
        person,
        own.size(),
        contexts.size(),
        encoder,
        Duration.ofNanos(System.nanoTime() - started),
        generator);
  }

  /**
   * Contexts of the person's replies in the last part of the chat (by time), where the generator
   * gate is tuned: the evaluation's held-out part is never among them (it is not in training).
   */
  static List<List<String>> validationContexts(List<Turn> turns, List<DialoguePair> own) {
    if (turns.isEmpty()) {
      return List.of();
    }
    int index = (int) Math.floor(turns.size() * (1 - VALIDATION_FRACTION));
    Instant split = turns.get(Math.max(0, Math.min(turns.size() - 1, index))).start();
    return own.stream().filter(p -> !p.time().isBefore(split)).map(DialoguePair::context).toList();
  }

  /** The checkpoint file if it was written during the generator phase (encoder done). */
  private TrainingCheckpoint generatorCheckpoint(long fingerprint) {
    if (control.checkpoint() == null || !Files.exists(control.checkpoint())) {
      return null;
    }
    TrainingCheckpoint cp = TrainingCheckpoint.read(control.checkpoint());
    if (!cp.parameters().containsKey(ENCODER_CONTEXT)) {
      return null; // encoder phase: the relevance trainer resumes from it
    }
    if (cp.fingerprint() != fingerprint) {
      throw new MlException(
          control.checkpoint()
              + ": checkpoint belongs to other data or hyper-parameters; delete it to restart");
    }
    return cp;
  }

  /**
   * The artifact's JSON header cannot hold NaN (a run stopped before its first step has no loss).
   */
  private static float finite(float value) {
    return Float.isFinite(value) ? value : 0f;
  }

  private static float recent(float[] losses, int window) {
    if (losses.length == 0) {
      return 0f; // the artifact's JSON header cannot hold NaN
    }
    int from = Math.max(0, losses.length - window);
    double sum = 0;
    for (int i = from; i < losses.length; i++) {
      sum += losses[i];
    }
    return (float) (sum / (losses.length - from));
  }

  private String engineName() {
    return control.engine() == null
        ? ai.djl.engine.Engine.getDefaultEngineName()
        : control.engine();
  }
}
