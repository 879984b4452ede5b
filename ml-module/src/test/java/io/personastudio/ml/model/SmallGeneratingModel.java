package io.personastudio.ml.model;

import io.personastudio.ml.support.Fixtures;
import io.personastudio.ml.train.PersonaTrainer;
import io.personastudio.ml.train.TrainingControl;
import io.personastudio.ml.train.TrainingListener;
import io.personastudio.ml.train.TrainingRequest;

/**
 * One small model with a generator, trained once per test JVM (a few seconds) for the reply-policy
 * tests: 150 synthetic exchanges, Alice answering.
 */
final class SmallGeneratingModel {

  private SmallGeneratingModel() {}

  static PersonaModel get() {
    return Holder.MODEL;
  }

  private static final class Holder {
    static final PersonaModel MODEL = train();
  }

  private static PersonaModel train() {
    Hyperparameters h =
        Hyperparameters.defaults()
            .withEpochs(3)
            .withShape(16, 16, 500)
            .withSeed(5)
            .withGenerator(
                GeneratorParameters.defaults()
                    .withSize(32, 16, 40, 400)
                    .withSampling(8, 0.5f, 4, 0f));
    return new PersonaTrainer(TrainingControl.defaults(), TrainingListener.NONE)
        .train(new TrainingRequest(Fixtures.chat(150, 31), "Alice", h, false))
        .model();
  }

  /** The same model with its hyper-parameters changed (a reply-policy knob, not its training). */
  static PersonaModel withHyperparameters(
      PersonaModel m, java.util.function.UnaryOperator<Hyperparameters> change) {
    ModelInfo i = m.info();
    ModelInfo info =
        new ModelInfo(
            i.formatVersion(),
            i.engine(),
            i.personId(),
            i.personName(),
            change.apply(i.hyperparameters()),
            i.trainingPairs(),
            i.steps(),
            i.finalLoss(),
            i.completed(),
            i.generatorSteps(),
            i.generatorLoss(),
            i.generatorGate(),
            i.rankConsensusReplies(),
            i.repliesAvoidContext(),
            i.replyLengthPenalty());
    return withInfo(m, info);
  }

  /** The same model (the same trained parts) with other information, i.e. another reply policy. */
  static PersonaModel withInfo(PersonaModel m, ModelInfo info) {
    return new PersonaModel(
        info,
        m.vocabulary(),
        m.encoder(),
        m.style(),
        m.poolContexts(),
        m.poolReplies(),
        m.generator());
  }
}
