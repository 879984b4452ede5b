package io.personastudio.infrastructure.training;

/** One progress report of the training worker. */
public record WorkerProgress(long step, long totalSteps, float loss, long etaSeconds) {}
