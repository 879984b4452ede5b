package io.personastudio.infrastructure.training;

import io.personastudio.ml.model.CharAlphabet;
import io.personastudio.ml.model.CharLstm;
import io.personastudio.ml.model.Hyperparameters;
import io.personastudio.ml.model.ModelArtifact;
import io.personastudio.ml.model.ModelInfo;
import io.personastudio.ml.model.PersonaModel;
import io.personastudio.ml.model.RelevanceEncoder;
import io.personastudio.ml.model.StyleModel;
import io.personastudio.ml.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A persona model with random weights built from a made-up chat, shaped like a trained one (the
 * default dimensions and generator size), so that packing, unpacking and answering with it runs the
 * same code as checking a real model at publish. It is never stored.
 */
final class RehearsalModel {

  private RehearsalModel() {}

  /**
   * @param turns the chat's texts in order; even positions are the persona's own.
   */
  static PersonaModel of(List<String> turns) {
    Random random = new Random(42);
    Hyperparameters h = Hyperparameters.defaults();
    List<String> own = new ArrayList<>();
    List<String> others = new ArrayList<>();
    List<List<String>> contexts = new ArrayList<>();
    for (int i = 0; i < turns.size(); i++) {
      if (i % 2 == 0) {
        own.add(turns.get(i));
        contexts.add(List.of(i == 0 ? "hi" : turns.get(i - 1)));
      } else {
        others.add(turns.get(i));
      }
    }
    Vocabulary vocabulary = Vocabulary.build(turns, 1, h.maxVocabulary());
    int words = vocabulary.size() * h.dim();
    RelevanceEncoder encoder =
        new RelevanceEncoder(
            vocabulary.size(), h.dim(), weights(random, words), weights(random, words));
    CharAlphabet alphabet = CharAlphabet.build(turns, 96);
    int v = alphabet.size();
    int hidden = h.generator().hidden();
    CharLstm generator =
        new CharLstm(
            alphabet,
            hidden,
            weights(random, (v + 1) * 4 * hidden),
            weights(random, hidden * 4 * hidden),
            weights(random, 4 * hidden),
            weights(random, hidden * v),
            weights(random, v));
    ModelInfo info =
        new ModelInfo(
            ModelArtifact.FORMAT_VERSION,
            "rehearsal",
            "rehearsal-person",
            "Rehearsal",
            h,
            own.size(),
            0,
            0f,
            true,
            1,
            0f,
            0f);
    return new PersonaModel(
        info, vocabulary, encoder, StyleModel.train(own, others), contexts, own, generator);
  }

  private static float[] weights(Random random, int n) {
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = (float) (random.nextGaussian() * 0.1);
    }
    return w;
  }
}
