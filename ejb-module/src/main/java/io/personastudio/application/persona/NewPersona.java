package io.personastudio.application.persona;

/**
 * What an owner asks for: a name, the participant to imitate, whether to scrub personal data,
 * optionally the training seed (the same seed and chat give the same model), and the owner's
 * consent: that they may use the chat and the person they imitate agreed. Without consent nothing
 * is created.
 */
public record NewPersona(String name, String person, boolean scrub, Long seed, boolean consent) {

  public NewPersona(String name, String person, boolean scrub, boolean consent) {
    this(name, person, scrub, null, consent);
  }
}
