package io.personastudio.interfaces.web.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A ledger in this node's memory: for a node without Hazelcast, and for tests. */
final class LocalFailureLedger implements FailureLedger {

  private static final int PRUNE_ABOVE = 100_000;

  private record Entry(Failures failures, long expiresAt) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public Failures add(String key, long now, long ttlMillis) {
    if (entries.size() > PRUNE_ABOVE) {
      entries.values().removeIf(e -> e.expiresAt() <= now);
    }
    return entries
        .compute(
            key,
            (k, e) -> {
              int before = e == null || e.expiresAt() <= now ? 0 : e.failures().count();
              return new Entry(new Failures(before + 1, now), now + ttlMillis);
            })
        .failures();
  }

  @Override
  public Failures get(String key, long now) {
    Entry e = entries.get(key);
    return e == null || e.expiresAt() <= now ? Failures.NONE : e.failures();
  }

  @Override
  public void remove(String key) {
    entries.remove(key);
  }
}
