package io.personastudio.interfaces.rest;

import io.personastudio.application.account.AccountService;
import io.personastudio.application.account.Registration;
import io.personastudio.domain.DomainException;
import io.personastudio.interfaces.rest.DomainExceptionMapper.Problem;
import io.personastudio.interfaces.web.security.ClientAddress;
import io.personastudio.interfaces.web.security.RegistrationThrottle;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Opening an account: the one operation of the API that needs no sign-in. A free address and a
 * taken one get the same answer in about the same time (README, "Security"): 202 with {@link
 * Registered}; a taken address's account is left as it was. Throttled per client address.
 */
@Path("v1/accounts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

  /** The one answer to an accepted registration, whether the address was free or not. */
  public record Registered(String status, String message) {
    static final Registered ANSWER =
        new Registered(
            "ACCEPTED",
            "If no account had this e-mail address, it has one now: sign in with the password you"
                + " chose. An address that already had an account keeps it unchanged.");
  }

  @Inject ClientAddress clientAddress;
  @Inject AccountService accounts;
  @Inject RegistrationThrottle throttle;

  @Context HttpServletRequest request;

  /** What a client sends to register. */
  public record RegistrationRequest(String email, String displayName, String password) {}

  @POST
  public Response register(RegistrationRequest request) {
    if (!throttle.tryAcquire(clientAddress.of(this.request))) {
      return Response.status(429)
          .header("Retry-After", String.valueOf(throttle.retryAfterSeconds()))
          .entity(
              new Problem(
                  "THROTTLED", "Too many registrations from this address; try again later."))
          .build();
    }
    if (request == null) {
      throw DomainException.invalid(
          "A JSON body with email, displayName and password is required.");
    }
    try {
      accounts.register(
          new Registration(request.email(), request.displayName(), request.password()));
    } catch (DomainException e) {
      if (e.kind() != DomainException.Kind.CONFLICT) {
        throw e; // a malformed address or a weak password says nothing about existing accounts
      }
    }
    return Response.accepted(Registered.ANSWER).build();
  }
}
