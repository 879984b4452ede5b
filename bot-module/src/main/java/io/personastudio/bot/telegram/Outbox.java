package io.personastudio.bot.telegram;

import io.personastudio.bot.conversation.ChatOutput;
import io.personastudio.bot.port.OutgoingMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Holds an update's messages until its transaction committed, so a rolled-back update says nothing;
 * inside the transaction they are recorded ({@link ReplyDelivery#record}), so a committed one's
 * replies outlive this node. "typing" is only a hint: it goes out if the reply is not ready within
 * the gateway's typing delay, and never once the update's messages are flushed or discarded.
 */
final class Outbox implements ChatOutput {

  private final TelegramGateway gateway;
  private final ReplyDelivery delivery;
  private final List<OutgoingMessage> pending = new ArrayList<>();
  private final List<Future<?>> typing = new ArrayList<>();
  private List<String> ids = List.of();

  Outbox(TelegramGateway gateway, ReplyDelivery delivery) {
    this.gateway = gateway;
    this.delivery = delivery;
  }

  @Override
  public void typing(long chatId) {
    typing.add(gateway.typingUnlessDoneSoon(chatId));
  }

  @Override
  public void send(long chatId, String text) {
    pending.add(new OutgoingMessage(chatId, text));
  }

  List<OutgoingMessage> messages() {
    return pending;
  }

  /** The outbox ids of {@link #messages()}, in order, once recorded in the transaction. */
  void recorded(List<String> stored) {
    this.ids = List.copyOf(stored);
  }

  /** After the commit: the recorded messages go out. */
  void flush() {
    stopTyping();
    if (ids.size() != pending.size()) {
      throw new IllegalStateException("flushing messages that were not recorded");
    }
    for (int i = 0; i < pending.size(); i++) {
      OutgoingMessage m = pending.get(i);
      delivery.send(ids.get(i), m.chatId(), m.text());
    }
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
