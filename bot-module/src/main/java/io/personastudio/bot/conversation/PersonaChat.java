package io.personastudio.bot.conversation;

import io.personastudio.bot.port.Binding;
import io.personastudio.bot.port.ChatBindings;
import io.personastudio.bot.port.ConversationMemory;
import io.personastudio.bot.port.PersonaDirectory;
import io.personastudio.bot.port.PersonaReplies;
import io.personastudio.bot.port.PersonaUnavailableException;
import io.personastudio.bot.port.ReplyRequest;
import io.personastudio.bot.port.Standing;
import io.personastudio.bot.port.Turn;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A text message for the active persona: check it may still answer, ask it, remember, reply. */
final class PersonaChat {

  private final PersonaDirectory directory;
  private final ChatBindings bindings;
  private final ConversationMemory memory;
  private final PersonaReplies replies;
  private final int contextTurns;
  private final Duration replyTimeout;

  PersonaChat(
      PersonaDirectory directory,
      ChatBindings bindings,
      ConversationMemory memory,
      PersonaReplies replies,
      int contextTurns,
      Duration replyTimeout) {
    this.directory = directory;
    this.bindings = bindings;
    this.memory = memory;
    this.replies = replies;
    this.contextTurns = contextTurns;
    this.replyTimeout = replyTimeout;
  }

  /** {@code active}: the chat's active binding, read by the caller for this message. */
  void answer(Inbound in, Optional<Binding> active, ChatOutput out) {
    Texts texts = Texts.of(in.language());
    if (active.isEmpty()) {
      out.send(in.chatId(), texts.get("chat.not-connected"));
      return;
    }
    Binding binding = active.get();
    Standing standing = directory.standing(binding.accessTokenId());
    if (standing != Standing.ACTIVE) {
      bindings.unbind(in.chatId(), binding.persona().id());
      String key = "persona.stopped." + standing.name().toLowerCase(Locale.ROOT);
      out.send(in.chatId(), texts.get(key, binding.persona().name()));
      return;
    }
    String personaId = binding.persona().id();
    out.typing(in.chatId());
    List<Turn> context = memory.recent(in.chatId(), personaId, contextTurns);
    String reply;
    try {
      reply = replies.reply(new ReplyRequest(personaId, context, in.text()), replyTimeout);
    } catch (PersonaUnavailableException e) {
      String key = "persona.unavailable." + e.reason().name().toLowerCase(Locale.ROOT);
      out.send(in.chatId(), texts.get(key, binding.persona().name()));
      return;
    }
    memory.append(in.chatId(), personaId, List.of(Turn.user(in.text()), Turn.persona(reply)));
    for (String part : MessageSplitter.split(reply)) {
      out.send(in.chatId(), part);
    }
  }
}
