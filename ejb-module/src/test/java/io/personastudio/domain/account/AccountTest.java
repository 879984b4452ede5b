package io.personastudio.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class AccountTest {

  @Test
  void eachPasswordChangeRaisesTheCredentialsVersion() {
    Account account =
        new Account(new EmailAddress("vera@example.org"), "Vera", "hash-1", OffsetDateTime.now());
    assertThat(account.credentialsVersion()).isZero();

    account.passwordChanged("hash-2");
    account.passwordChanged("hash-3");

    assertThat(account.passwordHash()).isEqualTo("hash-3");
    assertThat(account.credentialsVersion()).isEqualTo(2);
  }
}
