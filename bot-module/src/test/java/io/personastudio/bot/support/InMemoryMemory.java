package io.personastudio.bot.support;

import io.personastudio.bot.port.ConversationMemory;
import io.personastudio.bot.port.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Turns per chat and persona. */
public final class InMemoryMemory implements ConversationMemory {

  private final Map<String, List<Turn>> turns = new ConcurrentHashMap<>();

  @Override
  public List<Turn> recent(long chatId, String personaId, int limit) {
    List<Turn> all = turns.getOrDefault(key(chatId, personaId), List.of());
    synchronized (all) {
      return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
    }
  }

  @Override
  public void append(long chatId, String personaId, List<Turn> added) {
    List<Turn> all = turns.computeIfAbsent(key(chatId, personaId), k -> new ArrayList<>());
    synchronized (all) {
      all.addAll(added);
    }
    InMemoryTransactions.onRollback(
        () -> {
          synchronized (all) {
            all.subList(all.size() - added.size(), all.size()).clear();
          }
        });
  }

  @Override
  public void forget(long chatId, String personaId) {
    String key = key(chatId, personaId);
    List<Turn> removed = turns.remove(key);
    if (removed != null) {
      InMemoryTransactions.onRollback(() -> turns.put(key, removed));
    }
  }

  private static String key(long chatId, String personaId) {
    return chatId + "/" + personaId;
  }
}
