package io.personastudio.infrastructure.telegram;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plain texts of conversation turns this node sealed or opened lately, by row id, so that the
 * last turns of a chat are not decrypted again for every message (AES-GCM per turn was the largest
 * item of reading the memory). A turn row is never changed, so its id always means the same text;
 * which turns belong to a chat is still read from the database each time, so another node's writes,
 * a {@code /forget} or a deleted persona are seen at once. Only the copy in memory lingers: it is
 * dropped after {@link #KEEP} (or when the map is full), and at once for a chat's forgotten turns.
 */
final class OpenedTurns {

  static final Duration KEEP = Duration.ofMinutes(10);
  static final int MAX_ENTRIES = 20_000;

  private record Entry(String text, long sinceNanos) {}

  private final Map<String, Entry> texts = new ConcurrentHashMap<>();

  /** The text of turn {@code id} if it is known and fresh, else null. */
  String get(String id) {
    Entry e = texts.get(id);
    if (e == null) {
      return null;
    }
    if (System.nanoTime() - e.sinceNanos() > KEEP.toNanos()) {
      texts.remove(id, e);
      return null;
    }
    return e.text();
  }

  void put(String id, String text) {
    if (texts.size() >= MAX_ENTRIES) {
      texts.clear(); // crude but bounded: the next reads decrypt again
    }
    texts.put(id, new Entry(text, System.nanoTime()));
  }

  void forget(Collection<String> ids) {
    ids.forEach(texts::remove);
  }
}
