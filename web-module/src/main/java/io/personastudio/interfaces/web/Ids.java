package io.personastudio.interfaces.web;

import jakarta.faces.context.FacesContext;
import java.util.Optional;
import java.util.UUID;

/** Ids from page parameters: anything that is not an id is simply not found. */
final class Ids {

  private Ids() {}

  static Optional<UUID> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(value.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Someone else's id and a missing one answer alike: 404 and the page's "not found" text. */
  static void answerNotFound() {
    FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
  }
}
