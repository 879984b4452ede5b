package io.personastudio.bot.fake;

/**
 * A message the bot sent, as the fake server received it ({@code receivedNanos}: System.nanoTime;
 * {@code receivedEpochMillis}: the wall clock, for peers in other processes).
 */
public record SentMessage(long chatId, String text, long receivedNanos, long receivedEpochMillis) {}
