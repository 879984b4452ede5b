package io.personastudio.bot.conversation;

import io.personastudio.bot.port.Binding;
import io.personastudio.bot.port.ChatBindings;
import io.personastudio.bot.port.ConversationMemory;
import io.personastudio.bot.port.PersonaDirectory;
import io.personastudio.bot.port.PersonaReplies;
import java.util.Optional;

/**
 * Entry point of the conversation: one inbound message in, zero or more messages out. Stateless
 * apart from the token throttle; everything else lives behind the ports.
 */
public final class ConversationHandler {

  private final TokenBinder binder;
  private final BindingCommands commands;
  private final PersonaChat chat;
  private final ChatBindings bindings;

  public ConversationHandler(
      PersonaDirectory directory,
      ChatBindings bindings,
      ConversationMemory memory,
      PersonaReplies replies,
      TokenAttemptThrottle throttle,
      ConversationSettings settings) {
    this.bindings = bindings;
    this.binder = new TokenBinder(directory, bindings, throttle);
    this.commands = new BindingCommands(bindings, memory);
    this.chat =
        new PersonaChat(
            directory, bindings, memory, replies, settings.contextTurns(), settings.replyTimeout());
  }

  public void handle(Inbound in, ChatOutput out) {
    if (!in.isText()) {
      out.send(in.chatId(), Texts.of(in.language()).get("text-only"));
      return;
    }
    Optional<Command> command = Command.parse(in.text());
    if (command.isPresent()) {
      onCommand(in, command.get(), out);
      return;
    }
    Optional<Binding> active = bindings.active(in.chatId()); // read once per message
    if (isPastedToken(in, active)) {
      binder.connect(in, in.text(), out);
    } else {
      chat.answer(in, active, out);
    }
  }

  private static boolean isPastedToken(Inbound in, Optional<Binding> active) {
    return active.isEmpty()
        ? AccessTokens.hasTokenShape(in.text())
        : AccessTokens.looksRandom(in.text());
  }

  private void onCommand(Inbound in, Command command, ChatOutput out) {
    Texts texts = Texts.of(in.language());
    String argument = command.argument();
    switch (command.name()) {
      case "start" -> {
        if (argument.isEmpty()) {
          out.send(in.chatId(), texts.get("start.how-to"));
        } else {
          binder.connect(in, argument, out);
        }
      }
      case "connect" -> {
        if (argument.isEmpty()) {
          out.send(in.chatId(), texts.get("connect.usage"));
        } else {
          binder.connect(in, argument, out);
        }
      }
      case "personas" -> commands.list(in, out);
      case "switch" -> commands.switchTo(in, argument, out);
      case "forget" -> commands.forget(in, out);
      case "disconnect" -> commands.disconnect(in, argument, out);
      case "help" -> out.send(in.chatId(), texts.get("help"));
      default -> out.send(in.chatId(), texts.get("command.unknown"));
    }
  }
}
