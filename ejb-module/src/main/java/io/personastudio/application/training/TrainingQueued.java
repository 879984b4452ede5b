package io.personastudio.application.training;

import java.util.UUID;

/** A run entered the queue (observed after the transaction commits). */
public record TrainingQueued(UUID runId) {}
