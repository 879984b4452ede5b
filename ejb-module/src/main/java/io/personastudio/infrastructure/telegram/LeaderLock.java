package io.personastudio.infrastructure.telegram;

import java.time.Duration;

/** A cluster-wide lock for the one node that long-polls Telegram. Used by one thread only. */
interface LeaderLock {

  /** Waits up to {@code wait} for the lock; true when this thread now holds it. */
  boolean tryAcquire(Duration wait) throws InterruptedException;

  /** Whether the lock is still held (false once the cluster took it away, e.g. after a split). */
  boolean held();

  /** Releases the lock if held; never throws. */
  void release();

  /** A JVM-local lock, for a node started without clustering. */
  static LeaderLock local() {
    return new LeaderLock() {
      private boolean held;

      @Override
      public boolean tryAcquire(Duration wait) {
        held = true;
        return true;
      }

      @Override
      public boolean held() {
        return held;
      }

      @Override
      public void release() {
        held = false;
      }
    };
  }
}
