package io.personastudio.bot.conversation;

import java.time.Duration;

/** Tunables of the conversation, with the defaults the issue asks for. */
public record ConversationSettings(int contextTurns, Duration replyTimeout) {

  public static ConversationSettings defaults() {
    return new ConversationSettings(12, Duration.ofSeconds(20));
  }
}
