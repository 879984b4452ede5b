package io.personastudio.bot.telegram;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Handles items of different chats in parallel and those of one chat in order: a chat always lands
 * on the same stripe, one thread each. A stripe hands its handler everything already waiting for it
 * (at most {@code maxBatch} items, oldest first), so a backlog is worked off in batches while a
 * lone item goes alone and at once.
 */
final class ChatStripes<T> implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ChatStripes.class.getName());

  private record Item<T>(T value, CompletableFuture<Void> done) {}

  private final List<Stripe> stripes = new ArrayList<>();
  private final int maxBatch;
  private final Consumer<List<T>> handler;
  private volatile boolean closing;

  ChatStripes(int count, int maxBatch, ThreadFactory threads, Consumer<List<T>> handler) {
    if (count < 1 || maxBatch < 1) {
      throw new IllegalArgumentException("stripes and batch size must be positive");
    }
    this.maxBatch = maxBatch;
    this.handler = handler;
    for (int i = 0; i < count; i++) {
      Stripe stripe = new Stripe();
      stripe.thread = threads.newThread(stripe);
      stripes.add(stripe);
      stripe.thread.start();
    }
  }

  /** Queues {@code value} on its chat's stripe; the future completes once it was handled. */
  CompletableFuture<Void> submit(long chatId, T value) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (closing) {
      done.completeExceptionally(new IllegalStateException("stripes closed"));
      return done;
    }
    int index = Math.floorMod(Long.hashCode(chatId * 0x9E3779B97F4A7C15L), stripes.size());
    stripes.get(index).queue.add(new Item<>(value, done));
    return done;
  }

  /** Lets the stripes finish what is queued (5 s at most), then stops them. */
  @Override
  public void close() {
    closing = true;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (Stripe stripe : stripes) {
      stripe.queue.add(stripe.poison);
    }
    for (Stripe stripe : stripes) {
      try {
        stripe.thread.join(
            Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        if (stripe.thread.isAlive()) {
          stripe.thread.interrupt();
        }
      } catch (InterruptedException e) {
        stripe.thread.interrupt();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** One ordered lane: a thread taking batches off its queue until it meets its poison item. */
  private final class Stripe implements Runnable {
    final BlockingQueue<Item<T>> queue = new LinkedBlockingQueue<>();
    final Item<T> poison = new Item<>(null, new CompletableFuture<>());
    Thread thread;

    @Override
    public void run() {
      List<Item<T>> batch = new ArrayList<>(maxBatch);
      try {
        while (true) {
          batch.add(queue.take());
          queue.drainTo(batch, maxBatch - 1);
          boolean last = batch.remove(poison);
          if (!batch.isEmpty()) {
            handle(batch);
          }
          batch.clear();
          if (last) {
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        batch.addAll(queue);
        batch.forEach(i -> i.done().completeExceptionally(new IllegalStateException("closed")));
      }
    }

    private void handle(List<Item<T>> batch) {
      List<T> values = new ArrayList<>(batch.size());
      batch.forEach(item -> values.add(item.value()));
      try {
        handler.accept(values);
        batch.forEach(item -> item.done().complete(null));
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "a stripe's batch failed", e);
        batch.forEach(item -> item.done().completeExceptionally(e));
      }
    }
  }
}
