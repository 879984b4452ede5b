/**
 * Training: the DJL loop of the relevance encoder (deterministic for a seed, time budget, progress
 * events, checkpoints with optimizer state by parameter name for exact resume) and the persona
 * training pipeline that turns a chat into a {@link io.personastudio.ml.model.PersonaModel}.
 */
package io.personastudio.ml.train;
