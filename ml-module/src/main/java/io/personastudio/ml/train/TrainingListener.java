package io.personastudio.ml.train;

/** Receives progress events; called on the training thread, so keep it quick. */
@FunctionalInterface
public interface TrainingListener {
  TrainingListener NONE = p -> {};

  void onProgress(TrainingProgress progress);
}
