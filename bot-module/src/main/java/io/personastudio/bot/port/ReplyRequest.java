package io.personastudio.bot.port;

import java.util.List;
import java.util.Objects;

/** What a persona is asked to answer: the new message and the turns before it (oldest first). */
public record ReplyRequest(String personaId, List<Turn> context, String message) {
  public ReplyRequest {
    Objects.requireNonNull(personaId, "personaId");
    context = List.copyOf(context);
    Objects.requireNonNull(message, "message");
  }
}
