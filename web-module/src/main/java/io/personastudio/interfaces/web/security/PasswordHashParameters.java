package io.personastudio.interfaces.web.security;

import io.personastudio.application.account.PasswordHashing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The registration's hash parameters for the database identity store's EL-evaluated {@code
 * hashAlgorithmParameters}, so the store verifies exactly what {@link PasswordHashing} wrote.
 */
@Named("passwordHashParameters")
@ApplicationScoped
public class PasswordHashParameters {

  public String[] asArray() {
    return PasswordHashing.PARAMETERS.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }
}
