/** Training runs of personas: queue, progress, loss history, outcome. */
package io.personastudio.domain.training;
