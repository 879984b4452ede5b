/**
 * Version 1 of the REST API: sign-in to a JWT, personas, uploads, training runs, tokens and chat.
 * Deny by default ({@code @DenyAll} on each class, {@code @RolesAllowed} per method); every id is
 * checked against the caller by the application services (another owner's id is simply not found).
 */
package io.personastudio.interfaces.rest.v1;
