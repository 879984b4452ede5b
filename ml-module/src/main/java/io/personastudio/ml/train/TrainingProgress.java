package io.personastudio.ml.train;

import java.time.Duration;

/**
 * One progress event of a training run.
 *
 * @param step steps done
 * @param totalSteps steps of the whole run
 * @param loss mean loss of the steps since the previous event
 * @param elapsed wall time of this run (resumed runs count from the resume)
 * @param eta estimated time to finish
 */
public record TrainingProgress(
    long step, long totalSteps, float loss, Duration elapsed, Duration eta) {}
