package io.personastudio.interfaces.web.security;

import java.io.Serializable;
import java.util.UUID;

/**
 * The account a browser session belongs to (kept in the replicated HTTP session), and the account's
 * credentials version at sign-in: after a password change the session is void.
 */
public record SignedIn(UUID accountId, int credentialsVersion) implements Serializable {

  static final String SESSION_ATTRIBUTE = "persona.signedIn";
}
