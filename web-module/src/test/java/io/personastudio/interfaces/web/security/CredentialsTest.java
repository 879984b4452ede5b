package io.personastudio.interfaces.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.application.account.AccountService;
import io.personastudio.application.account.AccountView;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A sign-in verifies the password once: the mechanism trusts what this request already checked. */
class CredentialsTest {

  private static final String EMAIL = "vera@example.org";
  private static final String PASSWORD = "violet-Sky-42";
  private static final String CLIENT = "127.0.0.1";

  private final AccountView vera =
      new AccountView(UUID.randomUUID(), EMAIL, "Vera", OffsetDateTime.now());
  private final CountingStore store = new CountingStore();
  private Credentials credentials;

  @BeforeEach
  void wire() {
    credentials = new Credentials();
    credentials.identities = store;
    credentials.accounts =
        new AccountService() {
          @Override
          public Optional<AccountView> findByEmail(String email) {
            return email.equalsIgnoreCase(EMAIL) ? Optional.of(vera) : Optional.empty();
          }
        };
    SignInThrottle throttle = new SignInThrottle();
    throttle.maxPerAccount = 5;
    throttle.maxPerClient = 30;
    throttle.windowSeconds = 900;
    credentials.throttle = throttle;
    credentials.verified = new VerifiedSignIn();
  }

  @Test
  void aCheckedSignInIsConfirmedWithoutHashingAgain() {
    assertThat(credentials.check(EMAIL, PASSWORD, CLIENT).account()).contains(vera);
    assertThat(credentials.confirm(" Vera@Example.org ", PASSWORD, CLIENT).account())
        .contains(vera);
    assertThat(store.validations).isEqualTo(1);
  }

  @Test
  void anotherPasswordIsCheckedInFullAndRefused() {
    credentials.check(EMAIL, PASSWORD, CLIENT);
    Credentials.Outcome other = credentials.confirm(EMAIL, "not-the-password-1", CLIENT);
    assertThat(other.account()).isEmpty();
    assertThat(other.refusal()).isEqualTo(Credentials.Refusal.WRONG);
    assertThat(store.validations).isEqualTo(2);
  }

  @Test
  void theMarkerServesOnceAndNeverAfterARefusal() {
    credentials.check(EMAIL, PASSWORD, CLIENT);
    credentials.confirm(EMAIL, PASSWORD, CLIENT);
    credentials.confirm(EMAIL, PASSWORD, CLIENT);
    assertThat(store.validations).as("the second confirm checks again").isEqualTo(2);

    credentials.check(EMAIL, "not-the-password-1", CLIENT);
    assertThat(credentials.confirm(EMAIL, "not-the-password-1", CLIENT).account()).isEmpty();
    assertThat(store.validations).isEqualTo(4);
  }

  @Test
  void withoutAnEarlierCheckTheMechanismChecksInFull() {
    assertThat(credentials.confirm(EMAIL, PASSWORD, CLIENT).account()).contains(vera);
    assertThat(store.validations).isEqualTo(1);
  }

  /** The identity store stand-in: counts the (costly) password verifications. */
  private static final class CountingStore implements IdentityStoreHandler {
    int validations;

    @Override
    public CredentialValidationResult validate(Credential credential) {
      validations++;
      UsernamePasswordCredential c = (UsernamePasswordCredential) credential;
      return c.getCaller().equalsIgnoreCase(EMAIL) && c.compareTo(c.getCaller(), PASSWORD)
          ? new CredentialValidationResult(c.getCaller())
          : CredentialValidationResult.INVALID_RESULT;
    }
  }
}
