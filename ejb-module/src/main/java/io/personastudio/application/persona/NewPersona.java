package io.personastudio.application.persona;

/**
 * What an owner asks for: a name, the participant to imitate, whether to scrub personal data, and
 * optionally the training seed (the same seed and chat give the same model).
 */
public record NewPersona(String name, String person, boolean scrub, Long seed) {

  public NewPersona(String name, String person, boolean scrub) {
    this(name, person, scrub, null);
  }
}
