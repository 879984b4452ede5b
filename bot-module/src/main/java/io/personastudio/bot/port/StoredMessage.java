package io.personastudio.bot.port;

/** A text for a chat as the outbox holds it. */
public record StoredMessage(String id, long chatId, String text) {}
