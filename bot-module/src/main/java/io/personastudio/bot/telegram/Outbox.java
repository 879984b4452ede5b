package io.personastudio.bot.telegram;

import io.personastudio.bot.conversation.ChatOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds an update's messages until its transaction committed, so a rolled-back update says nothing.
 * "typing" goes out at once: it is only a hint.
 */
final class Outbox implements ChatOutput {

  private record Pending(long chatId, String text) {}

  private final TelegramGateway gateway;
  private final List<Pending> pending = new ArrayList<>();

  Outbox(TelegramGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public void typing(long chatId) {
    gateway.typing(chatId);
  }

  @Override
  public void send(long chatId, String text) {
    pending.add(new Pending(chatId, text));
  }

  void flush() {
    pending.forEach(p -> gateway.send(p.chatId(), p.text()));
    pending.clear();
  }

  void discard() {
    pending.clear();
  }
}
