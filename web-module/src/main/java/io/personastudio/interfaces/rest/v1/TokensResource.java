package io.personastudio.interfaces.rest.v1;

import io.personastudio.application.token.AccessTokenService;
import io.personastudio.application.token.CreatedToken;
import io.personastudio.application.token.TokenView;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Access tokens of the caller's personas; the secret appears only in the creation's answer. */
@Path("v1/personas/{persona}/tokens")
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

  @Inject AccessTokenService tokens;

  @Context SecurityContext security;

  /** A label and an optional expiry (ISO-8601 with offset). */
  public record NewToken(String label, OffsetDateTime expiresAt) {}

  @GET
  @RolesAllowed("user")
  public List<TokenView> list(@PathParam("persona") UUID persona) {
    return tokens.list(Caller.of(security), persona);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("user")
  public Response create(@PathParam("persona") UUID persona, NewToken request) {
    CreatedToken created =
        tokens.create(
            Caller.of(security),
            persona,
            request == null ? null : request.label(),
            request == null ? null : request.expiresAt());
    return Response.status(Response.Status.CREATED).entity(created).build();
  }
}
