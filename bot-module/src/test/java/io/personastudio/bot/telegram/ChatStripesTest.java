package io.personastudio.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.bot.support.BotHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChatStripesTest {

  private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

  @Test
  void aLoneItemGoesAloneAndABacklogInBatchesOfAtMostTheLimitInOrder() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (ChatStripes<Integer> stripes =
        new ChatStripes<>(
            1,
            4,
            BotHarness.threads(),
            batch -> {
              batches.add(List.copyOf(batch));
              await(release);
            })) {
      List<CompletableFuture<Void>> done = new ArrayList<>();
      done.add(stripes.submit(42, 0));
      waitUntil(() -> batches.size() == 1); // the stripe is busy with item 0
      for (int i = 1; i <= 10; i++) {
        done.add(stripes.submit(42, i));
      }
      release.countDown();
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    }

    assertThat(batches)
        .containsExactly(List.of(0), List.of(1, 2, 3, 4), List.of(5, 6, 7, 8), List.of(9, 10));
  }

  @Test
  void aFailingBatchFailsItsItemsAndTheStripeGoesOn() throws Exception {
    try (ChatStripes<Integer> stripes =
        new ChatStripes<>(
            1,
            8,
            BotHarness.threads(),
            batch -> {
              if (batch.contains(-1)) {
                throw new IllegalStateException("bad batch");
              }
              batches.add(List.copyOf(batch));
            })) {
      CompletableFuture<Void> bad = stripes.submit(1, -1);
      assertThat(bad).failsWithin(5, TimeUnit.SECONDS);

      stripes.submit(1, 7).get(5, TimeUnit.SECONDS);
    }

    assertThat(batches).containsExactly(List.of(7));
  }

  @Test
  void closingLetsQueuedItemsFinish() throws Exception {
    CompletableFuture<Void> last;
    try (ChatStripes<Integer> stripes =
        new ChatStripes<>(2, 8, BotHarness.threads(), batch -> batches.add(List.copyOf(batch)))) {
      for (int i = 0; i < 20; i++) {
        stripes.submit(i, i);
      }
      last = stripes.submit(99, 99);
    }

    assertThat(last).isCompleted();
    assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(21);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }
}
