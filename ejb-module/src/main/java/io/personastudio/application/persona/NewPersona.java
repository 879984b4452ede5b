package io.personastudio.application.persona;

/** What an owner asks for: a name, the participant to imitate, whether to scrub personal data. */
public record NewPersona(String name, String person, boolean scrub) {}
