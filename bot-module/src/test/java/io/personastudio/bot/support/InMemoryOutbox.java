package io.personastudio.bot.support;

import io.personastudio.bot.port.OutgoingMessage;
import io.personastudio.bot.port.ReplyOutbox;
import io.personastudio.bot.port.StoredMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The outbox as a map in insertion order, leases on {@link System#nanoTime()}; shared between bots
 * like the other in-memory ports, so a second bot finds what a stopped one left.
 */
public final class InMemoryOutbox implements ReplyOutbox {

  private static final class Row {
    final StoredMessage message;
    final long recordedNanos = System.nanoTime();
    String owner;
    long leaseUntilNanos;

    Row(StoredMessage message, String owner, long leaseUntilNanos) {
      this.message = message;
      this.owner = owner;
      this.leaseUntilNanos = leaseUntilNanos;
    }
  }

  private final Map<String, Row> rows = new LinkedHashMap<>();

  @Override
  public synchronized List<String> record(
      String owner, Duration lease, List<OutgoingMessage> messages) {
    List<String> ids = new ArrayList<>(messages.size());
    for (OutgoingMessage m : messages) {
      String id = UUID.randomUUID().toString();
      rows.put(
          id,
          new Row(
              new StoredMessage(id, m.chatId(), m.text()),
              owner,
              System.nanoTime() + lease.toNanos()));
      ids.add(id);
    }
    InMemoryTransactions.onRollback(() -> remove(ids));
    return ids;
  }

  private synchronized void remove(Collection<String> ids) {
    rows.keySet().removeAll(ids);
  }

  @Override
  public void delivered(Collection<String> ids) {
    remove(ids);
  }

  @Override
  public synchronized void release(Collection<String> ids, Duration after) {
    long until = System.nanoTime() + after.toNanos();
    for (String id : ids) {
      Row row = rows.get(id);
      if (row != null) {
        row.owner = "";
        row.leaseUntilNanos = until;
      }
    }
  }

  @Override
  public synchronized int discardOlderThan(Duration age) {
    long now = System.nanoTime();
    int before = rows.size();
    rows.values().removeIf(r -> now - r.recordedNanos > age.toNanos());
    return before - rows.size();
  }

  @Override
  public synchronized void renew(String owner, Duration lease) {
    long until = System.nanoTime() + lease.toNanos();
    rows.values().stream()
        .filter(r -> r.owner.equals(owner))
        .forEach(r -> r.leaseUntilNanos = until);
  }

  @Override
  public List<StoredMessage> claimExpired(String owner, Duration lease, int limit) {
    long now = System.nanoTime();
    return claim(owner, lease, limit, row -> row.leaseUntilNanos - now < 0);
  }

  @Override
  public List<StoredMessage> takeOver(String owner, Duration lease, int limit) {
    return claim(owner, lease, limit, row -> !row.owner.equals(owner));
  }

  private synchronized List<StoredMessage> claim(
      String owner, Duration lease, int limit, Predicate<Row> claimable) {
    long now = System.nanoTime();
    List<StoredMessage> claimed = new ArrayList<>();
    for (Row row : rows.values()) {
      if (claimed.size() == limit) {
        break;
      }
      if (claimable.test(row)) {
        row.owner = owner;
        row.leaseUntilNanos = now + lease.toNanos();
        claimed.add(row.message);
      }
    }
    return claimed;
  }

  /** Messages recorded and not yet removed. */
  public synchronized List<StoredMessage> waiting() {
    return rows.values().stream().map(r -> r.message).toList();
  }
}
