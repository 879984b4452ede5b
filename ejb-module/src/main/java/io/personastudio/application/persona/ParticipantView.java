package io.personastudio.application.persona;

import io.personastudio.ml.chat.Participant;
import java.time.Instant;

/**
 * A participant of an uploaded chat, for picking whom to imitate. {@code replies}: how often they
 * answer someone else (what a persona learns from); fewer than {@link PersonaService#MIN_REPLIES}
 * and the chat is refused for them.
 */
public record ParticipantView(
    String id,
    String name,
    long messages,
    long words,
    long replies,
    Instant firstDate,
    Instant lastDate) {

  static ParticipantView of(Participant p, long replies) {
    return new ParticipantView(
        p.id(), p.name(), p.messages(), p.words(), replies, p.firstDate(), p.lastDate());
  }
}
