package io.personastudio.interfaces.web;

import io.personastudio.domain.account.PasswordPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The password rules as the register page states them: the figures of {@link PasswordPolicy}. */
@Named("passwordRules")
@ApplicationScoped
public class PasswordRules {

  public int getMinLength() {
    return PasswordPolicy.MIN_LENGTH;
  }
}
