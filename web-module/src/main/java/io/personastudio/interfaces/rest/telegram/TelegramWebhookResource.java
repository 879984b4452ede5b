package io.personastudio.interfaces.rest.telegram;

import io.personastudio.infrastructure.telegram.ManagedTelegramBot;
import io.personastudio.infrastructure.telegram.WebhookOutcome;
import io.personastudio.interfaces.rest.DomainExceptionMapper.Problem;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Telegram's webhook calls (webhook mode): no user sign-in, Telegram proves itself with the secret
 * it was given at {@code setWebhook}, checked by {@link ManagedTelegramBot#process}. 200 once the
 * update is handled (or was already), 403 for a wrong or missing secret, 400 for a body that is not
 * an update, 404 while the bot is not in webhook mode on this node.
 */
@Path("telegram/webhook")
@DenyAll
public class TelegramWebhookResource {

  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

  /** Updates are a few kilobytes; anything far larger is not from Telegram. */
  private static final int MAX_BODY = 1 << 20;

  @Inject ManagedTelegramBot bot;

  @POST
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  public Response update(@HeaderParam(SECRET_HEADER) String secret, InputStream body)
      throws IOException {
    byte[] bytes = body.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      return problem(Response.Status.REQUEST_ENTITY_TOO_LARGE, "TOO_LARGE", "Update too large.");
    }
    WebhookOutcome outcome = bot.process(new String(bytes, StandardCharsets.UTF_8), secret);
    return switch (outcome) {
      case ACCEPTED -> Response.ok().build();
      case FORBIDDEN ->
          problem(Response.Status.FORBIDDEN, "FORBIDDEN", "Wrong or missing secret token.");
      case MALFORMED ->
          problem(Response.Status.BAD_REQUEST, "MALFORMED_UPDATE", "The body is not an update.");
      case DISABLED ->
          problem(Response.Status.NOT_FOUND, "WEBHOOK_OFF", "The bot is not in webhook mode.");
    };
  }

  private static Response problem(Response.Status status, String code, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(new Problem(code, message))
        .build();
  }
}
