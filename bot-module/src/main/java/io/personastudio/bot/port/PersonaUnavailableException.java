package io.personastudio.bot.port;

/** The persona could not answer: too slow, not trained yet, or gone. */
public class PersonaUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why no reply came. */
  public enum Reason {
    TIMEOUT,
    NOT_READY,
    GONE
  }

  private final Reason reason;

  public PersonaUnavailableException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
