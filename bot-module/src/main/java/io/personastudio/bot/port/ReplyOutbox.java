package io.personastudio.bot.port;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Replies waiting for Telegram, kept where the update's effects are: {@link #record} runs in the
 * update's transaction, so a committed update's replies survive the node that was to send them.
 * Each message is leased to the node that recorded it; that node renews its leases while it runs
 * and removes each message once Telegram took it (or refused it for good). A message whose lease
 * ran out belongs to a node that stopped: another node claims it and sends it.
 */
public interface ReplyOutbox {

  /**
   * In the update's transaction: stores the messages, leased to {@code owner} for {@code lease};
   * returns their ids in the order given.
   */
  List<String> record(String owner, Duration lease, List<OutgoingMessage> messages);

  /** Removes messages that need no further sending. */
  void delivered(Collection<String> ids);

  /**
   * Gives messages back (Telegram could not be reached for now): no node holds them, and any node
   * may claim them once {@code after} has passed.
   */
  void release(Collection<String> ids, Duration after);

  /** Removes messages recorded longer than {@code age} ago; returns how many. */
  int discardOlderThan(Duration age);

  /** Extends the lease of every message {@code owner} holds. */
  void renew(String owner, Duration lease);

  /**
   * Leases to {@code owner} at most {@code limit} messages whose lease ran out, oldest first, and
   * returns them; a message is claimed by one caller only.
   */
  List<StoredMessage> claimExpired(String owner, Duration lease, int limit);

  /**
   * Leases to {@code owner} at most {@code limit} messages of other owners, whatever their lease,
   * oldest first, and returns them: for a node that has just become the only one sending (the new
   * polling leader: the node before it stopped, or died, before it lost the lock).
   */
  List<StoredMessage> takeOver(String owner, Duration lease, int limit);
}
