package io.personastudio.bot.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Handles updates of different chats in parallel and those of one chat in order: a chat always
 * lands on the same single-threaded stripe.
 */
final class ChatStripes implements AutoCloseable {

  private final List<ExecutorService> stripes = new ArrayList<>();

  ChatStripes(int count, ThreadFactory threads) {
    for (int i = 0; i < count; i++) {
      stripes.add(Executors.newSingleThreadExecutor(threads));
    }
  }

  CompletableFuture<Void> submit(long chatId, Runnable work) {
    int index = Math.floorMod(Long.hashCode(chatId * 0x9E3779B97F4A7C15L), stripes.size());
    return CompletableFuture.runAsync(work, stripes.get(index));
  }

  @Override
  public void close() {
    stripes.forEach(ExecutorService::shutdown);
    for (ExecutorService stripe : stripes) {
      try {
        if (!stripe.awaitTermination(5, TimeUnit.SECONDS)) {
          stripe.shutdownNow();
        }
      } catch (InterruptedException e) {
        stripe.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}
