package io.personastudio.interfaces.web.security;

import io.personastudio.application.account.AccountService;
import io.personastudio.application.account.AccountView;
import io.personastudio.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.Optional;

/**
 * Checks an e-mail and password against the identity store, throttled; the one place both the
 * website and the API's token endpoint verify passwords.
 */
@ApplicationScoped
public class Credentials {

  /** Why a sign-in did not succeed. */
  public enum Refusal {
    WRONG,
    THROTTLED
  }

  /** The account signed in, or the refusal. */
  public record Outcome(Optional<AccountView> account, Refusal refusal) {}

  @Inject IdentityStoreHandler identities;
  @Inject AccountService accounts;
  @Inject SignInThrottle throttle;
  @Inject VerifiedSignIn verified;

  public Outcome check(String email, String password, String client) {
    if (email == null || email.isBlank() || password == null || password.isEmpty()) {
      return new Outcome(Optional.empty(), Refusal.WRONG);
    }
    if (!throttle.allows(email, client)) {
      return new Outcome(Optional.empty(), Refusal.THROTTLED);
    }
    CredentialValidationResult result =
        identities.validate(new UsernamePasswordCredential(email.strip(), password));
    Optional<AccountView> account =
        result.getStatus() == CredentialValidationResult.Status.VALID
            ? lookUp(email)
            : Optional.empty();
    if (account.isEmpty()) {
      throttle.failed(email, client);
      return new Outcome(Optional.empty(), Refusal.WRONG);
    }
    throttle.succeeded(email, client);
    verified.remember(email, password, account.get());
    return new Outcome(account, null);
  }

  /**
   * The authentication mechanism's check: credentials that {@link #check} verified earlier in this
   * same request are taken as verified (PBKDF2 is the costly part of a sign-in); anything else is
   * checked in full.
   */
  public Outcome confirm(String email, String password, String client) {
    return verified
        .take(email, password)
        .map(account -> new Outcome(Optional.of(account), null))
        .orElseGet(() -> check(email, password, client));
  }

  private Optional<AccountView> lookUp(String email) {
    try {
      return accounts.findByEmail(email.strip());
    } catch (DomainException malformed) {
      return Optional.empty();
    }
  }
}
