package io.personastudio.interfaces.rest.v1;

import io.personastudio.interfaces.rest.DomainExceptionMapper.Problem;
import io.personastudio.interfaces.web.security.ClientAddress;
import io.personastudio.interfaces.web.security.Credentials;
import io.personastudio.interfaces.web.security.CredentialsVersions;
import io.personastudio.interfaces.web.security.SignInThrottle;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Sign-in for API clients: e-mail and password for a short-lived RS256 bearer token. */
@Path("v1/auth")
@DenyAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject ClientAddress clientAddress;
  @Inject Credentials credentials;
  @Inject JwtIssuer issuer;
  @Inject CredentialsVersions versions;
  @Inject SignInThrottle throttle;

  @Context HttpServletRequest request;

  /** What a client sends to sign in. */
  public record SignIn(String email, String password) {}

  /** A bearer token for the {@code Authorization} header. */
  public record Token(String accessToken, String tokenType, long expiresIn) {}

  @POST
  @Path("token")
  @PermitAll
  public Response token(SignIn signIn) {
    Credentials.Outcome outcome =
        signIn == null
            ? credentials.check(null, null, clientAddress.of(request))
            : credentials.check(signIn.email(), signIn.password(), clientAddress.of(request));
    if (outcome.account().isPresent()) {
      UUID account = outcome.account().get().id();
      return Response.ok(
              new Token(
                  issuer.issue(account, versions.of(account)), "Bearer", issuer.lifetimeSeconds()))
          .build();
    }
    if (outcome.refusal() == Credentials.Refusal.THROTTLED) {
      long wait = throttle.retryAfterMillis(signIn.email(), clientAddress.of(request));
      return Response.status(429)
          .header("Retry-After", String.valueOf(Math.max(1, (wait + 999) / 1000)))
          .entity(new Problem("THROTTLED", "Too many failed sign-ins; try again later."))
          .build();
    }
    return Response.status(Response.Status.UNAUTHORIZED)
        .header("WWW-Authenticate", "Bearer")
        .entity(new Problem("UNAUTHORIZED", "Wrong e-mail or password."))
        .build();
  }
}
