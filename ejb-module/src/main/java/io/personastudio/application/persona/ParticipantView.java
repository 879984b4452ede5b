package io.personastudio.application.persona;

import io.personastudio.ml.chat.Participant;
import java.time.Instant;

/** A participant of an uploaded chat, for picking whom to imitate. */
public record ParticipantView(
    String id, String name, long messages, long words, Instant firstDate, Instant lastDate) {

  static ParticipantView of(Participant p) {
    return new ParticipantView(
        p.id(), p.name(), p.messages(), p.words(), p.firstDate(), p.lastDate());
  }
}
