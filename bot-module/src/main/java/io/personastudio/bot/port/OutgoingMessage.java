package io.personastudio.bot.port;

/** A text for a chat, not yet stored. */
public record OutgoingMessage(long chatId, String text) {}
