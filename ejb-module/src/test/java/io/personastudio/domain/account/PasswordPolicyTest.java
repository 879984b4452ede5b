package io.personastudio.domain.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.personastudio.domain.DomainException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private final EmailAddress email = new EmailAddress("maria.lopez@example.org");

  @Test
  void acceptsALongMixedPassword() {
    assertThatCode(() -> PasswordPolicy.check("violet-Sky-42", email)).doesNotThrowAnyException();
  }

  @Test
  void refusesShortPasswordsNamingTheMinimum() {
    assertThatThrownBy(() -> PasswordPolicy.check("a1b2c3d4", email))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("at least 10 characters");
  }

  @Test
  void refusesLettersOnlyAndDigitsOnly() {
    assertThatThrownBy(() -> PasswordPolicy.check("onlyletterspassword", email))
        .hasMessageContaining("mix letters");
    assertThatThrownBy(() -> PasswordPolicy.check("12345678901234", email))
        .hasMessageContaining("mix letters");
  }

  @Test
  void refusesRepetitiveAndTooLongPasswords() {
    assertThatThrownBy(() -> PasswordPolicy.check("ab1ab1ab1ab1", email))
        .hasMessageContaining("5 different characters");
    assertThatThrownBy(() -> PasswordPolicy.check("a1".repeat(65), email))
        .hasMessageContaining("at most 128");
  }

  @Test
  void refusesThePartOfTheAddressBeforeTheAt() {
    assertThatThrownBy(() -> PasswordPolicy.check("Maria.Lopez-2024", email))
        .hasMessageContaining("e-mail name");
  }

  @Test
  void anyScriptCountsAsLetters() {
    assertThatCode(() -> PasswordPolicy.check("пароль-надёжный-7", email))
        .doesNotThrowAnyException();
  }
}
