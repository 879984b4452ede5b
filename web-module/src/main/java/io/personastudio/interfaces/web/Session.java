package io.personastudio.interfaces.web;

import io.personastudio.application.account.AccountService;
import io.personastudio.application.account.Registration;
import io.personastudio.domain.DomainException;
import io.personastudio.interfaces.web.security.ClientAddress;
import io.personastudio.interfaces.web.security.Credentials;
import io.personastudio.interfaces.web.security.RegistrationThrottle;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Register, sign in, sign out. */
@Named("auth")
@RequestScoped
public class Session {

  @Inject ClientAddress clientAddress;
  @Inject SecurityContext security;
  @Inject AccountService accounts;
  @Inject CurrentAccount current;
  @Inject Credentials credentials;
  @Inject RegistrationThrottle registrations;

  private String email;
  private String displayName;
  private String password;

  /**
   * Registers, then signs in with the password just chosen. A taken address is answered like a free
   * one (README, "Security"): nothing changes, and the sign-in succeeds only with that account's
   * password; otherwise the page says the account was created or already existed.
   */
  public String register() {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    if (!registrations.tryAcquire(clientAddress.of(request))) {
      password = null;
      Texts.error("register.throttled");
      return null;
    }
    try {
      accounts.register(new Registration(email, displayName, password));
    } catch (DomainException e) {
      if (e.kind() != DomainException.Kind.CONFLICT) {
        throw e;
      }
    }
    return signIn("register.createdOrExists");
  }

  public String signIn() {
    return signIn("signin.wrong");
  }

  private String signIn(String wrongKey) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    // A refused sign-in is answered here, before the container's authenticate(): through it the
    // page came back without its message (issue 5). The mechanism then trusts this request's
    // verified credentials instead of hashing the password again.
    Credentials.Outcome checked =
        credentials.check(email, password == null ? "" : password, clientAddress.of(request));
    if (checked.account().isEmpty()) {
      password = null;
      Texts.error(
          checked.refusal() == Credentials.Refusal.THROTTLED ? "signin.throttled" : wrongKey);
      return null;
    }
    AuthenticationStatus status =
        security.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .credential(
                    new UsernamePasswordCredential(
                        email == null ? "" : email, password == null ? "" : password))
                .newAuthentication(true));
    password = null;
    if (status == AuthenticationStatus.SUCCESS) {
      return "/app/dashboard.xhtml?faces-redirect=true";
    }
    Object refusal = request.getAttribute(Credentials.Refusal.class.getName());
    Texts.error(refusal == Credentials.Refusal.THROTTLED ? "signin.throttled" : wrongKey);
    return null;
  }

  public String signOut() throws ServletException, IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    return "/index.xhtml?faces-redirect=true";
  }

  public boolean isSignedIn() {
    return current.signedIn();
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
