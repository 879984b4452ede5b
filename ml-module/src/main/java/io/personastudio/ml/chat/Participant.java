package io.personastudio.ml.chat;

import java.time.Instant;

/**
 * A sender of a chat with statistics, so a user can pick the person to imitate. Forwarded messages
 * are not counted: they are not the sender's own writing.
 */
public record Participant(
    String id, String name, long messages, long words, Instant firstDate, Instant lastDate) {}
