package io.personastudio.bot.port;

import java.time.Duration;

/** The persona runtime: computes a reply in the persona's voice. */
public interface PersonaReplies {

  /**
   * Returns the persona's reply, or fails with {@link PersonaUnavailableException.Reason#TIMEOUT}
   * when it takes longer than {@code timeout}.
   */
  String reply(ReplyRequest request, Duration timeout) throws PersonaUnavailableException;
}
