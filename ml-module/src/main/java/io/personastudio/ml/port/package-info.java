/**
 * The port the server calls: import, train, reply, rank, evaluate. Plain Java types in and out;
 * models travel as bytes (one versioned artifact) so they can live in a database column.
 */
package io.personastudio.ml.port;
