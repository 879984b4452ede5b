package io.personastudio.ml.dataset;

/** What to do with media messages that have no caption. */
public enum MediaPolicy {
  /** Keep them as the {@code <media>} marker: the conversation flow stays intact. */
  MARKER,
  /** Drop them. */
  SKIP
}
