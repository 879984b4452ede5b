/** The REST API under {@code /api/v1}: boundary types only, translated once from the domain. */
package io.personastudio.interfaces.rest;
