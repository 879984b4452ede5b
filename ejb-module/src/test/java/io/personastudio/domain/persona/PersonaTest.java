package io.personastudio.domain.persona;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PersonaTest {

  private final Persona persona =
      new Persona(UUID.randomUUID(), "Ana's persona", "Ana", false, OffsetDateTime.now());

  @Test
  void aRetrainOfAPersonaWhoseFirstTrainingFailedShowsItTraining() {
    persona.trainingFailed();
    assertThat(persona.status()).isEqualTo(PersonaStatus.FAILED);

    persona.trainingQueued();

    assertThat(persona.status()).isEqualTo(PersonaStatus.TRAINING);
  }

  @Test
  void aReadyPersonaBeingRetrainedStaysReadyWithItsActiveModel() {
    UUID model = UUID.randomUUID();
    persona.activate(model);

    persona.trainingQueued();

    assertThat(persona.status()).isEqualTo(PersonaStatus.READY);
    assertThat(persona.activeModelId()).contains(model);
  }

  @Test
  void aFailedRetrainOfAReadyPersonaKeepsItServing() {
    persona.activate(UUID.randomUUID());
    persona.trainingQueued();

    persona.trainingFailed();

    assertThat(persona.status()).isEqualTo(PersonaStatus.READY);
  }
}
