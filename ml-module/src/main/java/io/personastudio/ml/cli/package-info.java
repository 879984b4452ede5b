/**
 * The command-line tool {@code persona-ml.jar}: participants, train, reply, rank, evaluate and
 * generate (synthetic exports of known size). Results on stdout, progress and errors on stderr.
 */
package io.personastudio.ml.cli;
