package io.personastudio.bot.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/** One chat's outgoing messages, in order, and the earliest moment the next one may go. */
final class ChatLane implements Delayed {

  /** A message waiting for delivery. */
  record Outgoing(String text, CompletableFuture<Void> delivered, int[] attempts) {
    Outgoing(String text) {
      this(text, new CompletableFuture<>(), new int[] {0});
    }
  }

  final long chatId;
  final Deque<Outgoing> queue = new ArrayDeque<>();
  long notBeforeNanos;

  /** In the ready queue or in flight: never both, never twice. */
  boolean scheduled;

  ChatLane(long chatId) {
    this.chatId = chatId;
    this.notBeforeNanos = System.nanoTime();
  }

  @Override
  public long getDelay(TimeUnit unit) {
    return unit.convert(notBeforeNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  @Override
  public int compareTo(Delayed other) {
    return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
  }
}
