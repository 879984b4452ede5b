package io.personastudio.ml.port;

import io.personastudio.ml.chat.ChatImporter;
import io.personastudio.ml.chat.ImportedChat;
import io.personastudio.ml.chat.Participant;
import io.personastudio.ml.eval.EvaluationOptions;
import io.personastudio.ml.eval.EvaluationReport;
import io.personastudio.ml.eval.Evaluator;
import io.personastudio.ml.model.Hyperparameters;
import io.personastudio.ml.model.ModelArtifact;
import io.personastudio.ml.model.PersonaModel;
import io.personastudio.ml.train.PersonaTrainer;
import io.personastudio.ml.train.TrainingControl;
import io.personastudio.ml.train.TrainingListener;
import io.personastudio.ml.train.TrainingRequest;
import io.personastudio.ml.train.TrainingResult;
import java.nio.file.Path;
import java.util.List;

/**
 * Facade of the ML unit. Every method throws {@link io.personastudio.ml.MlException} (one clear
 * message) on bad input. Replying and ranking need no native engine; training does (DJL).
 */
public final class PersonaMl {
  private final ChatImporter importer = new ChatImporter();

  /** Participants of a chat export with statistics, most active first (streaming). */
  public List<Participant> participants(Path export, String chat) {
    return importer.participants(export, chat);
  }

  /** Reads an export (format detected) into memory. */
  public ImportedChat importChat(Path export, String chat) {
    return importer.read(export, chat);
  }

  /** Trains a persona model; blocks until done, stopped or out of time budget. */
  public TrainingResult train(
      ImportedChat chat,
      String person,
      Hyperparameters hyperparameters,
      boolean scrub,
      TrainingControl control,
      TrainingListener listener) {
    return new PersonaTrainer(control, listener)
        .train(new TrainingRequest(chat, person, hyperparameters, scrub));
  }

  /** The artifact bytes of a model (store them; {@link #load} reads them on any node). */
  public byte[] save(PersonaModel model) {
    return ModelArtifact.toBytes(model);
  }

  public PersonaModel load(byte[] artifact) {
    return ModelArtifact.fromBytes(artifact);
  }

  /** The person's reply to the context (oldest first, newest last); never empty. */
  public String reply(PersonaModel model, List<String> context) {
    return model.reply(context);
  }

  /** Scores per candidate; higher = more likely the person's reply to the context. */
  public float[] rank(PersonaModel model, List<String> context, List<String> candidates) {
    return model.rank(context, candidates);
  }

  /** Time-split evaluation with the TF-IDF baseline on the same split. */
  public EvaluationReport evaluate(
      ImportedChat chat,
      String person,
      double testFraction,
      Hyperparameters hyperparameters,
      TrainingControl control,
      TrainingListener listener) {
    return evaluate(
        chat, person, EvaluationOptions.protocol(testFraction), hyperparameters, control, listener);
  }

  /** The same with other options (a scrubbed dataset, a longer history per test case). */
  public EvaluationReport evaluate(
      ImportedChat chat,
      String person,
      EvaluationOptions options,
      Hyperparameters hyperparameters,
      TrainingControl control,
      TrainingListener listener) {
    return new Evaluator(new PersonaTrainer(control, listener))
        .evaluate(chat, person, options, hyperparameters);
  }
}
