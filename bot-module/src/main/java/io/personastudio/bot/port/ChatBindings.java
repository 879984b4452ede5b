package io.personastudio.bot.port;

import java.util.List;
import java.util.Optional;

/** The personas a Telegram chat is bound to, and which one answers now. */
public interface ChatBindings {

  /** Bindings of the chat, oldest first. */
  List<Binding> bindings(long chatId);

  /** The binding that answers the chat's messages, if any. */
  Optional<Binding> active(long chatId);

  /** Adds (or refreshes) a binding and makes it the active one. */
  void bind(long chatId, Binding binding);

  /** Makes the chat's binding to this persona the active one; false when the chat has none. */
  boolean switchTo(long chatId, String personaId);

  /** Removes the chat's binding to this persona; another binding, if any, becomes active. */
  void unbind(long chatId, String personaId);
}
