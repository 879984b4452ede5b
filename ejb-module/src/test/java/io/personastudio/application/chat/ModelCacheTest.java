package io.personastudio.application.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.personastudio.ml.model.PersonaModel;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ModelCacheTest {

  private final List<UUID> loaded = new ArrayList<>();

  private PersonaModel load(ModelCache cache, UUID id, int bytes) {
    return cache.get(
        id,
        i -> {
          loaded.add(i);
          return new byte[bytes];
        },
        b -> null);
  }

  @Test
  void aModelLoadsOnceAndIsServedFromMemoryAfterwards() {
    ModelCache cache = new ModelCache(1000);
    UUID a = UUID.randomUUID();

    load(cache, a, 100);
    load(cache, a, 100);

    assertThat(loaded).containsExactly(a);
    assertThat(cache.usedBytes()).isEqualTo(100);
  }

  @Test
  void aModelOfferedAtPublishIsServedWithoutLoadingAndCountedOnce() {
    ModelCache cache = new ModelCache(1000);
    UUID a = UUID.randomUUID();

    cache.offer(a, null, 100);
    load(cache, a, 100);
    cache.offer(a, null, 100);

    assertThat(loaded).isEmpty();
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.usedBytes()).isEqualTo(100);
  }

  @Test
  void theLeastRecentlyUsedModelsLeaveWhenTheLimitIsPassed() {
    ModelCache cache = new ModelCache(250);
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID c = UUID.randomUUID();
    load(cache, a, 100);
    load(cache, b, 100);
    load(cache, a, 100); // a is now the most recent

    load(cache, c, 100);

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.usedBytes()).isEqualTo(200);
    load(cache, a, 100);
    assertThat(loaded).containsExactly(a, b, c); // a stayed, b left
  }

  @Test
  void aModelLargerThanTheLimitIsStillServed() {
    ModelCache cache = new ModelCache(50);
    UUID big = UUID.randomUUID();

    load(cache, big, 100);

    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void aSlowLoadDoesNotHoldUpModelsAlreadyInMemory() throws Exception {
    ModelCache cache = new ModelCache(1000);
    UUID ready = UUID.randomUUID();
    UUID slow = UUID.randomUUID();
    load(cache, ready, 100);
    CountDownLatch loadStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService other = Executors.newFixedThreadPool(2);
    try {
      Future<PersonaModel> slowLoad =
          other.submit(
              () ->
                  cache.get(
                      slow,
                      id -> {
                        loadStarted.countDown();
                        await(release);
                        return new byte[100];
                      },
                      b -> null));
      assertThat(loadStarted.await(30, TimeUnit.SECONDS)).isTrue();

      // answered while the other load is still blocked (a cache-wide lock would time out here)
      other.submit(() -> load(cache, ready, 100)).get(30, TimeUnit.SECONDS);

      assertThat(slowLoad).isNotDone();
      release.countDown();
      slowLoad.get(30, TimeUnit.SECONDS);
      assertThat(cache.size()).isEqualTo(2);
      assertThat(loaded).containsExactly(ready);
    } finally {
      release.countDown();
      other.shutdownNow();
    }
  }

  @Test
  void callersAskingForAModelBeingLoadedShareThatOneLoad() throws Exception {
    ModelCache cache = new ModelCache(1000);
    UUID id = UUID.randomUUID();
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch loadStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try {
      Function<UUID, byte[]> slowArtifact =
          i -> {
            loads.incrementAndGet();
            loadStarted.countDown();
            await(release);
            return new byte[10];
          };
      Future<PersonaModel> first = callers.submit(() -> cache.get(id, slowArtifact, b -> null));
      assertThat(loadStarted.await(30, TimeUnit.SECONDS)).isTrue();
      Future<PersonaModel> second = callers.submit(() -> cache.get(id, slowArtifact, b -> null));

      release.countDown();
      first.get(30, TimeUnit.SECONDS);
      second.get(30, TimeUnit.SECONDS);

      assertThat(loads).hasValue(1);
      assertThat(cache.usedBytes()).isEqualTo(10);
    } finally {
      release.countDown();
      callers.shutdownNow();
    }
  }

  @Test
  void aFailedLoadIsNotCachedAndTheNextCallerTriesAgain() {
    ModelCache cache = new ModelCache(1000);
    UUID id = UUID.randomUUID();

    assertThatThrownBy(
            () ->
                cache.get(
                    id,
                    i -> {
                      throw new IllegalStateException("artifact unreadable");
                    },
                    b -> null))
        .hasMessage("artifact unreadable");

    load(cache, id, 10);
    assertThat(loaded).containsExactly(id);
    assertThat(cache.size()).isEqualTo(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
