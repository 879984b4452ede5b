package io.personastudio.application.chat;

import io.personastudio.ml.model.PersonaModel;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Loaded models by model-version id, least recently used first out, bounded by the artifacts' size.
 * A new version of a persona has a new id, so swapping in is loading the new id; the old one ages
 * out.
 */
final class ModelCache {

  private record Entry(PersonaModel model, long bytes) {}

  private final long limitBytes;
  private final LinkedHashMap<UUID, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long usedBytes;

  ModelCache(long limitBytes) {
    this.limitBytes = limitBytes;
  }

  synchronized PersonaModel get(
      UUID modelId, Function<UUID, byte[]> artifact, Function<byte[], PersonaModel> load) {
    Entry hit = entries.get(modelId);
    if (hit != null) {
      return hit.model();
    }
    byte[] bytes = artifact.apply(modelId);
    PersonaModel model = load.apply(bytes);
    entries.put(modelId, new Entry(model, bytes.length));
    usedBytes += bytes.length;
    evictOver(modelId);
    return model;
  }

  synchronized long usedBytes() {
    return usedBytes;
  }

  synchronized int size() {
    return entries.size();
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
