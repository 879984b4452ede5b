package io.personastudio.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.UUID;

/** The signed-in account of this request: the caller's name is its id. */
@RequestScoped
public class CurrentAccount {

  @Inject SecurityContext security;

  public UUID id() {
    var caller = security.getCallerPrincipal();
    if (caller == null) {
      throw new IllegalStateException("No one is signed in");
    }
    return UUID.fromString(caller.getName());
  }

  public boolean signedIn() {
    return security.getCallerPrincipal() != null;
  }
}
