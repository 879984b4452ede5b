package io.personastudio.bot.port;

import java.util.List;

/**
 * The last turns of each chat's conversation with each persona (stored encrypted on the server).
 */
public interface ConversationMemory {

  /** At most {@code limit} most recent turns, oldest first. */
  List<Turn> recent(long chatId, String personaId, int limit);

  void append(long chatId, String personaId, Turn turn);

  /** Forgets the conversation of this chat with this persona. */
  void forget(long chatId, String personaId);
}
