package io.personastudio.interfaces.rest;

import io.personastudio.application.account.AccountService;
import io.personastudio.application.account.AccountView;
import io.personastudio.application.account.Registration;
import io.personastudio.domain.DomainException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Opening an account: the one operation of the API that needs no sign-in. */
@Path("v1/accounts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

  @Inject AccountService accounts;

  @Context UriInfo uri;

  /** What a client sends to register. */
  public record RegistrationRequest(String email, String displayName, String password) {}

  @POST
  public Response register(RegistrationRequest request) {
    if (request == null) {
      throw DomainException.invalid(
          "A JSON body with email, displayName and password is required.");
    }
    AccountView account =
        accounts.register(
            new Registration(request.email(), request.displayName(), request.password()));
    return Response.created(uri.getAbsolutePathBuilder().path(account.id().toString()).build())
        .entity(account)
        .build();
  }
}
