/** Creating, listing, revoking and resolving access tokens. */
package io.personastudio.application.token;
