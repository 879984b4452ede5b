/**
 * Starts a Persona Studio node from run-time configuration: the database (embedded PostgreSQL when
 * none is configured), the server-level JDBC pool, and Payara Micro with the WAR, on loopback by
 * default.
 */
package io.personastudio.launcher;
