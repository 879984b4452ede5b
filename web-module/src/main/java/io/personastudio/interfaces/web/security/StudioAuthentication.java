package io.personastudio.interfaces.web.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import java.util.UUID;

/**
 * The application's one authentication mechanism. Jakarta Security 3 allows one per application,
 * and MicroProfile JWT installs its own: this one wins (an enabled alternative) and hands {@code
 * /api} requests to MP-JWT's bearer-token mechanism, so the API never accepts a session cookie (no
 * CSRF through the API). Pages use the session: a sign-in (through {@code
 * SecurityContext.authenticate} with the e-mail and password) changes the session id and keeps the
 * account id in the session; every later request of that session is the same caller. The caller's
 * name is the account id in both cases.
 */
@DatabaseIdentityStoreDefinition(
    dataSourceLookup = "jdbc/persona",
    callerQuery = "SELECT password_hash FROM account WHERE lower(email) = lower(?)",
    groupsQuery = "SELECT 'user' FROM account WHERE lower(email) = lower(?)",
    hashAlgorithm = Pbkdf2PasswordHash.class,
    hashAlgorithmParameters = "${passwordHashParameters.asArray()}")
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class StudioAuthentication implements HttpAuthenticationMechanism {

  static final Set<String> GROUPS = Set.of("user");

  @Inject ClientAddress clientAddress;
  @Inject Credentials credentials;
  @Inject CredentialsVersions versions;
  @Inject BeanManager beans;

  private volatile HttpAuthenticationMechanism jwt;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    if (isApi(request)) {
      return bearer(request, response, context);
    }
    if (isFacesResource(request)) {
      return context.doNothing(); // style sheets, scripts, images: no account, no database read
    }
    if (context.isAuthenticationRequest()
        && context.getAuthParameters().getCredential()
            instanceof UsernamePasswordCredential credential) {
      return signIn(request, context, credential);
    }
    HttpSession session = request.getSession(false);
    Object signedIn = session == null ? null : session.getAttribute(SignedIn.SESSION_ATTRIBUTE);
    if (signedIn instanceof SignedIn who) {
      if (versions.current(who.accountId(), who.credentialsVersion())) {
        return context.notifyContainerAboutLogin(who.accountId().toString(), GROUPS);
      }
      // the password changed (or the account went) since this session signed in
      session.invalidate();
    }
    if (context.isProtected()) {
      String signIn = request.getContextPath() + "/signin.xhtml";
      return FacesAjaxRedirect.isFacesAjax(request)
          ? FacesAjaxRedirect.send(response, signIn)
          : context.redirect(signIn);
    }
    return context.doNothing();
  }

  /** MP-JWT verifies the token; a token older than the account's last password change is void. */
  private AuthenticationStatus bearer(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    AuthenticationStatus status = jwt().validateRequest(request, response, context);
    if (status != AuthenticationStatus.SUCCESS) {
      return status;
    }
    boolean current =
        BearerClaims.of(request)
            .filter(claims -> versions.current(claims.account(), claims.credentialsVersion()))
            .isPresent();
    return current ? status : context.responseUnauthorized();
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request, HttpMessageContext context, UsernamePasswordCredential c) {
    Credentials.Outcome outcome =
        credentials.confirm(c.getCaller(), c.getPasswordAsString(), clientAddress.of(request));
    if (outcome.account().isEmpty()) {
      // the sign-in page says why; no 401 error page in place of the form
      request.setAttribute(Credentials.Refusal.class.getName(), outcome.refusal());
      return context.doNothing();
    }
    UUID id = outcome.account().get().id();
    // a new session id at sign-in: an id planted before sign-in is worth nothing after it
    HttpSession session = request.getSession(true);
    request.changeSessionId();
    session.setAttribute(SignedIn.SESSION_ATTRIBUTE, new SignedIn(id, versions.of(id)));
    return context.notifyContainerAboutLogin(id.toString(), GROUPS);
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(SignedIn.SESSION_ATTRIBUTE);
    }
  }

  static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  private static boolean isFacesResource(HttpServletRequest request) {
    return request
        .getRequestURI()
        .startsWith(request.getContextPath() + "/jakarta.faces.resource/");
  }

  private HttpAuthenticationMechanism jwt() {
    HttpAuthenticationMechanism found = jwt;
    if (found == null) {
      Bean<?> bean =
          beans.getBeans(HttpAuthenticationMechanism.class).stream()
              .filter(
                  b ->
                      b.getTypes().stream()
                          .anyMatch(t -> t.getTypeName().endsWith(".JWTAuthenticationMechanism")))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "MicroProfile JWT's mechanism is missing: is @LoginConfig(MP-JWT) on"
                              + " the REST application?"));
      CreationalContext<?> cc = beans.createCreationalContext(bean);
      found =
          (HttpAuthenticationMechanism)
              beans.getReference(bean, HttpAuthenticationMechanism.class, cc);
      jwt = found;
    }
    return found;
  }
}
