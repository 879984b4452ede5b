package io.personastudio.interfaces.web.security;

/**
 * Failed sign-ins counted under a key, shared by every node that uses the same ledger. A key is
 * forgotten a while after its last failure.
 */
interface FailureLedger {

  /** A key's failures: how many, and when the last one was (epoch millis). */
  record Failures(int count, long lastMillis) {
    static final Failures NONE = new Failures(0, 0);
  }

  /**
   * Counts one more failure under the key at {@code now}; remembered {@code ttlMillis} after it.
   */
  Failures add(String key, long now, long ttlMillis);

  /** The key's failures, {@link Failures#NONE} if none are remembered. */
  Failures get(String key, long now);

  void remove(String key);
}
