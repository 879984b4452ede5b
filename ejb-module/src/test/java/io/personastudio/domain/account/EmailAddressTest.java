package io.personastudio.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.personastudio.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

  @Test
  void keepsTheAddressAsTypedButTrimmed() {
    assertThat(new EmailAddress("  Ana.Maria@Example.org ").value())
        .isEqualTo("Ana.Maria@Example.org");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ana", "ana@", "@example.org", "ana@example", "a b@example.org", "a@b@c.org"})
  void refusesWhatIsNotAnAddressNamingIt(String typed) {
    assertThatThrownBy(() -> new EmailAddress(typed))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining(typed.strip())
        .hasMessageContaining("not valid");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void saysWhenNothingWasGiven(String typed) {
    assertThatThrownBy(() -> new EmailAddress(typed)).hasMessage("E-mail address is required.");
  }

  @Test
  void refusesAddressesLongerThanTheStandardAllows() {
    String longDomain = "d".repeat(250) + ".org";
    assertThatThrownBy(() -> new EmailAddress("a@" + longDomain)).hasMessageContaining("not valid");
  }
}
