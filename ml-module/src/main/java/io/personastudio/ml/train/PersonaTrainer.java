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
import io.personastudio.ml.model.Hyperparameters;
import io.personastudio.ml.model.ModelArtifact;
import io.personastudio.ml.model.ModelInfo;
import io.personastudio.ml.model.PersonaModel;
import io.personastudio.ml.model.RelevanceEncoder;
import io.personastudio.ml.model.StyleModel;
import io.personastudio.ml.text.SparseVector;
import io.personastudio.ml.text.Vocabulary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a chat into a persona model: dataset, vocabulary, relevance encoder (DJL), style model and
 * the reply pool. The library entry point of training; the CLI and the server's worker call it.
 */
public final class PersonaTrainer {
  /** Fewer replies by the person than this and there is nothing to learn a style from. */
  public static final int MIN_REPLIES = 20;

  private final TrainingControl control;
  private final TrainingListener listener;

  public PersonaTrainer(TrainingControl control, TrainingListener listener) {
    this.control = control;
    this.listener = listener;
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
    EncoderTrainingResult encoder =
        new RelevanceTrainer(h, control, listener)
            .train(vocabulary.size(), contexts, replies, vocabulary.fingerprint());
    List<String> personTurns = new ArrayList<>();
    List<String> otherTurns = new ArrayList<>();
    for (Turn t : turns) {
      if (!t.ownWriting() || t.text().equals(ChatMessage.MEDIA_MARKER)) {
        continue;
      }
      (t.senderId().equals(person.id()) ? personTurns : otherTurns).add(t.text());
    }
    StyleModel style = StyleModel.train(personTurns, otherTurns);
    ModelInfo info =
        new ModelInfo(
            ModelArtifact.FORMAT_VERSION,
            engineName(),
            person.id(),
            person.name(),
            h,
            contexts.size(),
            encoder.steps(),
            encoder.recentLoss((int) Math.max(1, encoder.totalSteps() / Math.max(1, h.epochs()))),
            encoder.completed());
    PersonaModel model =
        new PersonaModel(
            info,
            vocabulary,
            new RelevanceEncoder(
                vocabulary.size(), h.dim(), encoder.contextWeights(), encoder.replyWeights()),
            style,
            own.stream().map(DialoguePair::context).toList(),
            own.stream().map(DialoguePair::reply).toList());
    return new TrainingResult(
        model,
        person,
        own.size(),
        contexts.size(),
        encoder,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private String engineName() {
    return control.engine() == null
        ? ai.djl.engine.Engine.getDefaultEngineName()
        : control.engine();
  }
}
