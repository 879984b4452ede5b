/**
 * Dataset building: conversations split by time gaps, turns (consecutive messages of one sender),
 * (context, reply) pairs, scrubbing of personal data and the train/validation split by time.
 */
package io.personastudio.ml.dataset;
