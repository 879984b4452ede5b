package io.personastudio.infrastructure.telegram;

import io.personastudio.application.chat.PersonaRuntime;
import io.personastudio.bot.port.PersonaReplies;
import io.personastudio.bot.port.PersonaUnavailableException;
import io.personastudio.bot.port.PersonaUnavailableException.Reason;
import io.personastudio.bot.port.ReplyRequest;
import io.personastudio.bot.port.Turn;
import io.personastudio.domain.DomainException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The persona runtime for the bot. Runs outside the update's transaction: a refusal of the runtime
 * ({@link DomainException} rolls back) must not undo the update's other effects. The runtime keeps
 * its own deadline ({@code persona.runtime.timeout-millis}), shorter than the bot's.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RuntimePersonaReplies implements PersonaReplies {

  @EJB PersonaRuntime runtime;

  @Override
  public String reply(ReplyRequest request, Duration timeout) throws PersonaUnavailableException {
    List<String> context = new ArrayList<>();
    for (Turn turn : request.context()) {
      context.add(turn.text());
    }
    context.add(request.message());
    try {
      return runtime.reply(UUID.fromString(request.personaId()), context);
    } catch (DomainException e) {
      throw new PersonaUnavailableException(reason(e), e.getMessage());
    }
  }

  private static Reason reason(DomainException e) {
    return switch (e.kind()) {
      case NOT_FOUND -> Reason.GONE;
      case CONFLICT -> e.getMessage().contains("training") ? Reason.NOT_READY : Reason.TIMEOUT;
      default -> Reason.TIMEOUT;
    };
  }
}
