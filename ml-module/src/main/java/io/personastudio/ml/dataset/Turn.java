package io.personastudio.ml.dataset;

import java.time.Instant;

/**
 * Consecutive messages of one sender merged, one message per line.
 *
 * @param ownWriting false for forwarded text, which never counts as the sender's writing
 * @param replyToText text of the message the turn's first message explicitly replies to, or null
 */
public record Turn(
    String senderId,
    String senderName,
    String text,
    Instant start,
    boolean ownWriting,
    String replyToText) {}
