package io.personastudio.application.account;

import io.personastudio.domain.DomainException;
import io.personastudio.domain.account.Account;
import io.personastudio.domain.account.EmailAddress;
import io.personastudio.domain.account.PasswordPolicy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Opens accounts and finds them; the e-mail address is unique without regard to case. A taken
 * address is refused as a conflict here; the boundaries answer it like a success (README,
 * "Security").
 */
@Stateless
public class AccountService {

  @PersistenceContext(unitName = "persona")
  EntityManager em;

  @Inject PasswordHashing passwords;

  public AccountView register(Registration registration) {
    EmailAddress email = new EmailAddress(registration.email());
    String displayName = displayName(registration.displayName());
    PasswordPolicy.check(registration.password(), email);
    // hashed before the address is looked up: a taken address costs the same time as a free one
    String hash = passwords.hash(registration.password());
    if (byEmail(email).isPresent()) {
      throw DomainException.conflict("An account with e-mail " + email.value() + " exists.");
    }
    Account account =
        new Account(
            email,
            displayName,
            hash,
            // PostgreSQL keeps microseconds: what we return must equal what we read back
            OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
    try {
      em.persist(account);
      em.flush();
    } catch (PersistenceException raceLost) {
      // a concurrent registration took the address between the check and the insert
      throw DomainException.conflict("An account with e-mail " + email.value() + " exists.");
    }
    return AccountView.of(account);
  }

  public Optional<AccountView> find(UUID id) {
    return Optional.ofNullable(em.find(Account.class, id)).map(AccountView::of);
  }

  public Optional<AccountView> findByEmail(String email) {
    return byEmail(new EmailAddress(email)).map(AccountView::of);
  }

  /**
   * How many times the account's password has changed; empty when the account is gone. Asked on
   * every signed-in request, so it reads one column and nothing else.
   */
  public OptionalInt credentialsVersion(UUID id) {
    return em.createNamedQuery(Account.CREDENTIALS_VERSION, Integer.class)
        .setParameter("id", id)
        .getResultStream()
        .mapToInt(Integer::intValue)
        .findFirst();
  }

  private Optional<Account> byEmail(EmailAddress email) {
    return em.createNamedQuery(Account.BY_EMAIL, Account.class)
        .setParameter("email", email.value())
        .getResultStream()
        .findFirst();
  }

  private static String displayName(String name) {
    if (name == null || name.isBlank()) {
      throw DomainException.invalid("Display name is required.");
    }
    String stripped = name.strip();
    if (stripped.length() > 100) {
      throw DomainException.invalid("Display name must be at most 100 characters.");
    }
    return stripped;
  }
}
