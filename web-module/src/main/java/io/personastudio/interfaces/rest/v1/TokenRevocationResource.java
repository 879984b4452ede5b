package io.personastudio.interfaces.rest.v1;

import io.personastudio.application.token.AccessTokenService;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;

/** Revoking one of the caller's access tokens by its id. */
@Path("v1/tokens")
@DenyAll
public class TokenRevocationResource {

  @Inject AccessTokenService tokens;

  @Context SecurityContext security;

  @DELETE
  @Path("{id}")
  @RolesAllowed("user")
  public Response revoke(@PathParam("id") UUID id) {
    tokens.revoke(Caller.of(security), id);
    return Response.noContent().build();
  }
}
