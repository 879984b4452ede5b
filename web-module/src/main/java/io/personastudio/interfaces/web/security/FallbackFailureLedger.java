package io.personastudio.interfaces.web.security;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cluster's ledger, and this node's own while the cluster's cannot be reached (a sign-in must
 * not fail because Hazelcast does): the node then throttles alone until the shared map answers
 * again. One warning a minute at most.
 */
final class FallbackFailureLedger implements FailureLedger {

  private static final Logger LOG = Logger.getLogger(FallbackFailureLedger.class.getName());

  private final FailureLedger shared;
  private final FailureLedger local = new LocalFailureLedger();
  private final LogRateLimit warnings = new LogRateLimit(1, 60_000, System::currentTimeMillis);

  FallbackFailureLedger(FailureLedger shared) {
    this.shared = shared;
  }

  @Override
  public Failures add(String key, long now, long ttlMillis) {
    Failures own = local.add(key, now, ttlMillis);
    try {
      return shared.add(key, now, ttlMillis);
    } catch (RuntimeException e) {
      warn(e);
      return own;
    }
  }

  @Override
  public Failures get(String key, long now) {
    try {
      Failures cluster = shared.get(key, now);
      Failures own = local.get(key, now);
      return own.count() > cluster.count() ? own : cluster;
    } catch (RuntimeException e) {
      warn(e);
      return local.get(key, now);
    }
  }

  @Override
  public void remove(String key) {
    local.remove(key);
    try {
      shared.remove(key);
    } catch (RuntimeException e) {
      warn(e);
    }
  }

  private void warn(RuntimeException e) {
    long left = warnings.acquire();
    if (left >= 0) {
      LOG.log(
          Level.WARNING,
          "The cluster's sign-in failure map is unavailable; this node counts alone ("
              + e
              + (left > 0 ? "; " + left + " more failed calls" : "")
              + ")");
    }
  }
}
