package io.personastudio.interfaces.web;

import io.personastudio.application.persona.ParticipantView;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A participant of an upload as the wizard's picker shows it (kept in the view, so serializable).
 */
public record ParticipantRow(
    String id,
    String name,
    long messages,
    long words,
    long replies,
    LocalDate firstDate,
    LocalDate lastDate)
    implements Serializable {

  static ParticipantRow of(ParticipantView p) {
    return new ParticipantRow(
        p.id(),
        p.name(),
        p.messages(),
        p.words(),
        p.replies(),
        day(p.firstDate()),
        day(p.lastDate()));
  }

  private static LocalDate day(Instant at) {
    return at == null ? null : LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
