package io.personastudio.interfaces.web.security;

import java.io.Serializable;
import java.util.UUID;

/** The account a browser session belongs to (kept in the replicated HTTP session). */
public record SignedIn(UUID accountId) implements Serializable {

  static final String SESSION_ATTRIBUTE = "persona.signedIn";
}
