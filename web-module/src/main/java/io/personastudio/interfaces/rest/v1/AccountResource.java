package io.personastudio.interfaces.rest.v1;

import io.personastudio.application.account.AccountExport;
import io.personastudio.application.account.AccountPrivacy;
import io.personastudio.application.account.AccountService;
import io.personastudio.domain.DomainException;
import io.personastudio.interfaces.rest.DomainExceptionMapper.Problem;
import io.personastudio.interfaces.web.security.ClientAddress;
import io.personastudio.interfaces.web.security.PasswordChange;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.UUID;

/** The caller's own account: download its data, change its password, delete it. */
@Path("v1/account")
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

  @Inject ClientAddress clientAddress;
  @Inject AccountService accounts;
  @Inject AccountPrivacy privacy;
  @Inject AccountExport export;
  @Inject PasswordChange passwords;

  @Context SecurityContext security;
  @Context HttpServletRequest request;

  /** The current password and the new one. */
  public record NewPassword(String currentPassword, String newPassword) {}

  @GET
  @RolesAllowed("user")
  public Response export() {
    UUID caller = existing();
    StreamingOutput body = out -> export.write(caller, out);
    return Response.ok(body)
        .header("Content-Disposition", "attachment; filename=\"persona-studio-my-data.json\"")
        .build();
  }

  @POST
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("user")
  public Response changePassword(NewPassword change) {
    if (change == null) {
      throw DomainException.invalid(
          "A JSON body with currentPassword and newPassword is required.");
    }
    boolean done =
        passwords.change(
            existing(), change.currentPassword(), change.newPassword(), clientAddress.of(request));
    if (!done) {
      return Response.status(429)
          .header("Retry-After", "900")
          .entity(new Problem("THROTTLED", "Too many wrong passwords; try again later."))
          .build();
    }
    return Response.noContent().build();
  }

  /** Deletes the account; {@code confirmEmail} must repeat its e-mail address. */
  @DELETE
  @RolesAllowed("user")
  public Response delete(@QueryParam("confirmEmail") String confirmEmail) {
    privacy.delete(existing(), confirmEmail);
    return Response.noContent().build();
  }

  /** The caller's account; a token that outlived its (deleted) account is no longer anybody's. */
  private UUID existing() {
    UUID caller = Caller.of(security);
    if (accounts.find(caller).isEmpty()) {
      throw new jakarta.ws.rs.NotAuthorizedException("Bearer");
    }
    return caller;
  }
}
