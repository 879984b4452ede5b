package io.personastudio.domain.account;

import io.personastudio.domain.DomainException;
import java.util.Locale;

/** The strength rules for account passwords; each refusal names the rule that failed. */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  public static void check(String password, EmailAddress email) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw DomainException.invalid(
          "Password must be at least " + MIN_LENGTH + " characters long.");
    }
    if (password.length() > MAX_LENGTH) {
      throw DomainException.invalid("Password must be at most " + MAX_LENGTH + " characters.");
    }
    if (password.codePoints().allMatch(Character::isLetter)
        || password.codePoints().allMatch(Character::isDigit)) {
      throw DomainException.invalid("Password must mix letters with digits or symbols.");
    }
    if (password.codePoints().distinct().count() < 5) {
      throw DomainException.invalid("Password must use at least 5 different characters.");
    }
    String localPart = email.value().substring(0, email.value().indexOf('@'));
    if (localPart.length() >= 4
        && password.toLowerCase(Locale.ROOT).contains(localPart.toLowerCase(Locale.ROOT))) {
      throw DomainException.invalid("Password must not contain your e-mail name.");
    }
  }
}
