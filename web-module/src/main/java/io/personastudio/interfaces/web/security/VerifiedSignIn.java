package io.personastudio.interfaces.web.security;

import io.personastudio.application.account.AccountView;
import jakarta.enterprise.context.RequestScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * A password this request has already verified, so the authentication mechanism that runs next in
 * the same request does not hash it a second time. Lives for one request, serves once, and only for
 * exactly the e-mail and password that were checked.
 */
@RequestScoped
public class VerifiedSignIn {

  private String email;
  private byte[] password;
  private AccountView account;

  void remember(String email, String password, AccountView account) {
    this.email = normalized(email);
    this.password = password.getBytes(StandardCharsets.UTF_8);
    this.account = account;
  }

  /** The account verified for these credentials in this request; forgotten once taken. */
  Optional<AccountView> take(String email, String password) {
    boolean same =
        account != null
            && email != null
            && password != null
            && this.email.equals(normalized(email))
            && MessageDigest.isEqual(this.password, password.getBytes(StandardCharsets.UTF_8));
    Optional<AccountView> verified = same ? Optional.of(account) : Optional.empty();
    this.email = null;
    this.password = null;
    this.account = null;
    return verified;
  }

  private static String normalized(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
