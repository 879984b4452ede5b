package io.personastudio.application.persona;

import io.personastudio.domain.persona.Persona;
import java.util.UUID;

/** What the interfaces show of a persona. */
public record PersonaView(UUID id, String name, String person, String status, UUID trainingRun) {

  static PersonaView of(Persona p, UUID run) {
    return new PersonaView(p.id(), p.name(), p.person(), p.status().name(), run);
  }
}
