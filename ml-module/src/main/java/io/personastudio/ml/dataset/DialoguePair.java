package io.personastudio.ml.dataset;

import java.time.Instant;
import java.util.List;

/**
 * A reply and what it answered.
 *
 * @param context earlier turns, oldest first, newest last (by someone other than the replier)
 * @param reply the reply turn's text
 * @param replierId sender id of the reply
 * @param time when the reply started
 */
public record DialoguePair(List<String> context, String reply, String replierId, Instant time) {
  public DialoguePair {
    context = List.copyOf(context);
  }
}
