package io.personastudio.bot.support;

import io.personastudio.bot.port.Binding;
import io.personastudio.bot.port.ChatBindings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bindings per chat in insertion order, plus the active persona id. */
public final class InMemoryBindings implements ChatBindings {

  private final Map<Long, List<Binding>> bindings = new HashMap<>();
  private final Map<Long, String> active = new HashMap<>();

  @Override
  public synchronized List<Binding> bindings(long chatId) {
    return List.copyOf(bindings.getOrDefault(chatId, List.of()));
  }

  @Override
  public synchronized Optional<Binding> active(long chatId) {
    String id = active.get(chatId);
    return bindings.getOrDefault(chatId, List.of()).stream()
        .filter(b -> b.persona().id().equals(id))
        .findFirst();
  }

  @Override
  public synchronized void bind(long chatId, Binding binding) {
    rememberForRollback(chatId);
    List<Binding> list = bindings.computeIfAbsent(chatId, id -> new ArrayList<>());
    list.removeIf(b -> b.persona().id().equals(binding.persona().id()));
    list.add(binding);
    active.put(chatId, binding.persona().id());
  }

  @Override
  public synchronized boolean switchTo(long chatId, String personaId) {
    rememberForRollback(chatId);
    boolean known =
        bindings.getOrDefault(chatId, List.of()).stream()
            .anyMatch(b -> b.persona().id().equals(personaId));
    if (known) {
      active.put(chatId, personaId);
    }
    return known;
  }

  @Override
  public synchronized void unbind(long chatId, String personaId) {
    rememberForRollback(chatId);
    List<Binding> list = bindings.getOrDefault(chatId, new ArrayList<>());
    list.removeIf(b -> b.persona().id().equals(personaId));
    if (personaId.equals(active.get(chatId))) {
      if (list.isEmpty()) {
        active.remove(chatId);
      } else {
        active.put(chatId, list.get(list.size() - 1).persona().id());
      }
    }
  }

  /** A rolled-back unit puts the chat's bindings back as they were before this change. */
  private void rememberForRollback(long chatId) {
    List<Binding> before = new ArrayList<>(bindings.getOrDefault(chatId, List.of()));
    String activeBefore = active.get(chatId);
    InMemoryTransactions.onRollback(
        () -> {
          synchronized (this) {
            bindings.put(chatId, new ArrayList<>(before));
            if (activeBefore == null) {
              active.remove(chatId);
            } else {
              active.put(chatId, activeBefore);
            }
          }
        });
  }
}
