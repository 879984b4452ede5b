package io.personastudio.bot.fake;

/**
 * A message the bot sent, as the fake server received it ({@code receivedNanos}: System.nanoTime).
 */
public record SentMessage(long chatId, String text, long receivedNanos) {}
