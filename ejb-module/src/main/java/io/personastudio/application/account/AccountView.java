package io.personastudio.application.account;

import io.personastudio.domain.account.Account;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the interfaces may show of an account: never the password hash. */
public record AccountView(UUID id, String email, String displayName, OffsetDateTime createdAt) {

  static AccountView of(Account account) {
    return new AccountView(
        account.id(), account.email(), account.displayName(), account.createdAt());
  }
}
