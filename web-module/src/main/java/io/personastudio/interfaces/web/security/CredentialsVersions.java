package io.personastudio.interfaces.web.security;

import io.personastudio.application.account.AccountService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;

/**
 * Whether a sign-in (browser session or API token) was made with the account's current password:
 * each password change raises the account's credentials version, read from the database on every
 * signed-in request, so a change on one node ends the sessions and tokens of every node.
 */
@ApplicationScoped
public class CredentialsVersions {

  @Inject AccountService accounts;

  /** The current version, or -1 when the account is gone (no sign-in can match it). */
  public int of(UUID account) {
    return accounts.credentialsVersion(account).orElse(-1);
  }

  boolean current(UUID account, int version) {
    return version >= 0 && of(account) == version;
  }

  /** After this session changed the password itself, it stays signed in with the new one. */
  public void keepSignedIn(HttpServletRequest request, UUID account) {
    request
        .getSession()
        .setAttribute(SignedIn.SESSION_ATTRIBUTE, new SignedIn(account, of(account)));
  }
}
