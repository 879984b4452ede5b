package io.personastudio.application.training;

/** One point of a run's loss curve. */
public record LossPoint(long step, float loss) {}
