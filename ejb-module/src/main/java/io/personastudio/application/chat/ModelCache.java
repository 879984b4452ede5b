package io.personastudio.application.chat;

import io.personastudio.ml.model.PersonaModel;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Loaded models by model-version id, least recently used first out, bounded by the artifacts' size.
 * A new version of a persona has a new id, so swapping in is loading the new id; the old one ages
 * out. A model loads outside the cache's lock: while one persona's artifact is read and unpacked,
 * every other persona keeps answering, and callers asking for the model being loaded wait for that
 * one load instead of starting their own.
 */
final class ModelCache {

  private record Entry(PersonaModel model, long bytes) {}

  private final long limitBytes;
  private final LinkedHashMap<UUID, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<UUID, CompletableFuture<Entry>> loading = new ConcurrentHashMap<>();
  private long usedBytes;

  ModelCache(long limitBytes) {
    this.limitBytes = limitBytes;
  }

  PersonaModel get(
      UUID modelId, Function<UUID, byte[]> artifact, Function<byte[], PersonaModel> load) {
    Entry hit = cached(modelId);
    if (hit != null) {
      return hit.model();
    }
    CompletableFuture<Entry> mine = new CompletableFuture<>();
    CompletableFuture<Entry> other = loading.putIfAbsent(modelId, mine);
    if (other != null) {
      return awaitLoad(other).model();
    }
    try {
      // a load may have finished between the miss above and taking the loading slot
      Entry entry = cached(modelId);
      if (entry == null) {
        byte[] bytes = artifact.apply(modelId);
        entry = new Entry(load.apply(bytes), bytes.length);
        store(modelId, entry);
      }
      mine.complete(entry);
      return entry.model();
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      loading.remove(modelId, mine);
    }
  }

  /** A model loaded elsewhere (checked at publish on this node): kept unless already cached. */
  synchronized void offer(UUID modelId, PersonaModel model, long bytes) {
    if (!entries.containsKey(modelId)) {
      store(modelId, new Entry(model, bytes));
    }
  }

  synchronized long usedBytes() {
    return usedBytes;
  }

  synchronized int size() {
    return entries.size();
  }

  private synchronized Entry cached(UUID modelId) {
    return entries.get(modelId);
  }

  private synchronized void store(UUID modelId, Entry entry) {
    entries.put(modelId, entry);
    usedBytes += entry.bytes();
    evictOver(modelId);
  }

  private static Entry awaitLoad(CompletableFuture<Entry> load) {
    try {
      return load.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private void evictOver(UUID keep) {
    Iterator<Map.Entry<UUID, Entry>> oldest = entries.entrySet().iterator();
    while (usedBytes > limitBytes && oldest.hasNext()) {
      Map.Entry<UUID, Entry> e = oldest.next();
      if (!e.getKey().equals(keep)) {
        usedBytes -= e.getValue().bytes();
        oldest.remove();
      }
    }
  }
}
