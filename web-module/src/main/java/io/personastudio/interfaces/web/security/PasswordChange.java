package io.personastudio.interfaces.web.security;

import io.personastudio.application.account.AccountPrivacy;
import io.personastudio.application.account.AccountService;
import io.personastudio.application.account.AccountView;
import io.personastudio.domain.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * A password change from the website or the API. Guessing the current password through it counts as
 * failed sign-ins, so a stolen session or bearer token cannot try passwords faster than the sign-in
 * page allows.
 */
@ApplicationScoped
public class PasswordChange {

  @Inject AccountPrivacy privacy;
  @Inject AccountService accounts;
  @Inject SignInThrottle throttle;

  /**
   * Changes the password; false (nothing changed) when the throttle refuses. A wrong current
   * password or a weak new one is the service's {@link DomainException}.
   */
  public boolean change(UUID accountId, String current, String next, String client) {
    String email =
        accounts
            .find(accountId)
            .map(AccountView::email)
            .orElseThrow(() -> DomainException.notFound("No such account."));
    if (!throttle.allows(email, client)) {
      return false;
    }
    try {
      privacy.changePassword(accountId, current, next);
    } catch (DomainException refused) {
      if (refused.kind() == DomainException.Kind.FORBIDDEN) {
        throttle.failed(email, client);
      }
      throw refused;
    }
    return true;
  }
}
