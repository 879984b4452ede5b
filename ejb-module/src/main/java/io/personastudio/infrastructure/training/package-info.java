/**
 * Training infrastructure: encrypted message storage, the supervised worker JVM that trains with
 * the ML unit's engine, and the {@code train-persona} batch job's steps.
 */
package io.personastudio.infrastructure.training;
