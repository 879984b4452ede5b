package io.personastudio.bot.port;

import java.util.List;

/**
 * The last turns of each chat's conversation with each persona (stored encrypted on the server).
 */
public interface ConversationMemory {

  /** At most {@code limit} most recent turns, oldest first. */
  List<Turn> recent(long chatId, String personaId, int limit);

  /** Stores turns in order (one exchange: the user's message and the persona's reply). */
  void append(long chatId, String personaId, List<Turn> turns);

  /** Forgets the conversation of this chat with this persona. */
  void forget(long chatId, String personaId);
}
