/**
 * Security infrastructure shared by the WAR and the EAR: the API's generated signing keys, offered
 * through MicroProfile Config from this jar so that an EAR's application-level config sees them
 * too.
 */
package io.personastudio.infrastructure.security;
