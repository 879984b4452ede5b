package io.personastudio.bot.telegram;

import io.personastudio.bot.conversation.ChatOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Holds an update's messages until its transaction committed, so a rolled-back update says nothing.
 * "typing" is only a hint: it goes out if the reply is not ready within the gateway's typing delay,
 * and never once the update's messages are flushed or discarded.
 */
final class Outbox implements ChatOutput {

  private record Pending(long chatId, String text) {}

  private final TelegramGateway gateway;
  private final List<Pending> pending = new ArrayList<>();
  private final List<Future<?>> typing = new ArrayList<>();

  Outbox(TelegramGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public void typing(long chatId) {
    typing.add(gateway.typingUnlessDoneSoon(chatId));
  }

  @Override
  public void send(long chatId, String text) {
    pending.add(new Pending(chatId, text));
  }

  void flush() {
    stopTyping();
    pending.forEach(p -> gateway.send(p.chatId(), p.text()));
    pending.clear();
  }

  void discard() {
    stopTyping();
    pending.clear();
  }

  private void stopTyping() {
    typing.forEach(t -> t.cancel(false));
    typing.clear();
  }
}
