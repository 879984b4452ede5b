package io.personastudio.domain;

import jakarta.ejb.ApplicationException;

/**
 * The one exception the domain and application services raise for a request they refuse. Each
 * boundary (REST, JSF, the Telegram bot) translates it once, by {@link Kind}.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a request was refused; boundaries map it to a status code or a user message. */
  public enum Kind {
    INVALID_INPUT,
    NOT_FOUND,
    CONFLICT,
    FORBIDDEN
  }

  private final Kind kind;

  public DomainException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static DomainException invalid(String message) {
    return new DomainException(Kind.INVALID_INPUT, message);
  }

  public static DomainException conflict(String message) {
    return new DomainException(Kind.CONFLICT, message);
  }

  public static DomainException notFound(String message) {
    return new DomainException(Kind.NOT_FOUND, message);
  }
}
