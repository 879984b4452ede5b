/** Scheduling and following trainings: the queue, progress, outcome. */
package io.personastudio.application.training;
