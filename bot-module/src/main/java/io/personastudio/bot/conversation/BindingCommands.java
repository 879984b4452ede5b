package io.personastudio.bot.conversation;

import io.personastudio.bot.port.Binding;
import io.personastudio.bot.port.ChatBindings;
import io.personastudio.bot.port.ConversationMemory;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code /personas}, {@code /switch}, {@code /forget}, {@code /disconnect}. */
final class BindingCommands {

  private final ChatBindings bindings;
  private final ConversationMemory memory;

  BindingCommands(ChatBindings bindings, ConversationMemory memory) {
    this.bindings = bindings;
    this.memory = memory;
  }

  void list(Inbound in, ChatOutput out) {
    Texts texts = Texts.of(in.language());
    List<Binding> all = bindings.bindings(in.chatId());
    if (all.isEmpty()) {
      out.send(in.chatId(), texts.get("chat.not-connected"));
      return;
    }
    String activeId = bindings.active(in.chatId()).map(b -> b.persona().id()).orElse("");
    StringBuilder list = new StringBuilder(texts.get("personas.header"));
    for (int i = 0; i < all.size(); i++) {
      Binding binding = all.get(i);
      String marker = binding.persona().id().equals(activeId) ? " ✅" : "";
      list.append('\n').append(i + 1).append(". ").append(binding.persona().name()).append(marker);
    }
    list.append("\n\n").append(texts.get("personas.switch-hint"));
    out.send(in.chatId(), list.toString());
  }

  void switchTo(Inbound in, String argument, ChatOutput out) {
    Texts texts = Texts.of(in.language());
    if (argument.isBlank()) {
      list(in, out);
      return;
    }
    Optional<Binding> target = find(bindings.bindings(in.chatId()), argument);
    if (target.isEmpty() || !bindings.switchTo(in.chatId(), target.get().persona().id())) {
      out.send(in.chatId(), texts.get("switch.unknown", argument));
      return;
    }
    out.send(in.chatId(), texts.get("switch.done", target.get().persona().name()));
  }

  void forget(Inbound in, ChatOutput out) {
    Texts texts = Texts.of(in.language());
    Optional<Binding> active = bindings.active(in.chatId());
    if (active.isEmpty()) {
      out.send(in.chatId(), texts.get("chat.not-connected"));
      return;
    }
    memory.forget(in.chatId(), active.get().persona().id());
    out.send(in.chatId(), texts.get("forget.done", active.get().persona().name()));
  }

  void disconnect(Inbound in, String argument, ChatOutput out) {
    Texts texts = Texts.of(in.language());
    Optional<Binding> target =
        argument.isBlank()
            ? bindings.active(in.chatId())
            : find(bindings.bindings(in.chatId()), argument);
    if (target.isEmpty()) {
      out.send(in.chatId(), texts.get("chat.not-connected"));
      return;
    }
    String personaId = target.get().persona().id();
    memory.forget(in.chatId(), personaId);
    bindings.unbind(in.chatId(), personaId);
    out.send(in.chatId(), texts.get("disconnect.done", target.get().persona().name()));
  }

  /** By position in {@code /personas} (1-based) or by name, case-insensitive. */
  private static Optional<Binding> find(List<Binding> all, String argument) {
    String wanted = argument.strip();
    if (wanted.chars().allMatch(Character::isDigit) && wanted.length() < 4) {
      int index = Integer.parseInt(wanted) - 1;
      return index >= 0 && index < all.size() ? Optional.of(all.get(index)) : Optional.empty();
    }
    String lower = wanted.toLowerCase(Locale.ROOT);
    return all.stream()
        .filter(b -> b.persona().name().toLowerCase(Locale.ROOT).equals(lower))
        .findFirst();
  }
}
