package io.personastudio.ml.model;

/**
 * What an artifact says about itself.
 *
 * @param formatVersion version of the artifact layout
 * @param engine DJL engine that trained the encoder
 * @param personId sender id of the person
 * @param personName display name of the person
 * @param hyperparameters all hyper-parameters
 * @param trainingPairs (context, reply) pairs the encoder saw
 * @param steps optimisation steps done
 * @param finalLoss mean loss of the last epoch seen
 * @param completed false if training stopped early (time budget or request)
 * @param generatorSteps optimisation steps of the generator (0 = no generator)
 * @param generatorLoss mean character cross-entropy of the generator's last steps (0 = none)
 */
public record ModelInfo(
    int formatVersion,
    String engine,
    String personId,
    String personName,
    Hyperparameters hyperparameters,
    int trainingPairs,
    long steps,
    float finalLoss,
    boolean completed,
    long generatorSteps,
    float generatorLoss) {}
