package io.personastudio.interfaces.rest.v1;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;

/** The account behind a verified bearer token: its name is the account id. */
final class Caller {

  private Caller() {}

  static UUID of(SecurityContext security) {
    if (security.getUserPrincipal() == null) {
      throw new NotAuthorizedException("Bearer");
    }
    return UUID.fromString(security.getUserPrincipal().getName());
  }
}
