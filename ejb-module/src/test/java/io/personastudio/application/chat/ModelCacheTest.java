package io.personastudio.application.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.ml.model.PersonaModel;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
}
