package io.personastudio.ml.dataset;

import java.time.Duration;

/**
 * How a chat becomes a dataset.
 *
 * @param conversationGap a silence longer than this starts a new conversation
 * @param contextTurns how many earlier turns a pair keeps as context
 * @param scrub replace e-mail addresses, phone and card numbers and links by placeholders
 * @param media what to do with media without caption
 */
public record DatasetOptions(
    Duration conversationGap, int contextTurns, boolean scrub, MediaPolicy media) {

  public static DatasetOptions defaults() {
    return new DatasetOptions(Duration.ofHours(3), 3, false, MediaPolicy.MARKER);
  }

  public DatasetOptions withContextTurns(int value) {
    return new DatasetOptions(conversationGap, value, scrub, media);
  }

  public DatasetOptions withScrub(boolean value) {
    return new DatasetOptions(conversationGap, contextTurns, value, media);
  }
}
