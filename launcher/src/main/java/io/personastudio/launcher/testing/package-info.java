/**
 * Support for the integration tests of the deployables: a real PostgreSQL for the whole test run
 * and the server configuration that points at it.
 */
package io.personastudio.launcher.testing;
