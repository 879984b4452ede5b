package io.personastudio.infrastructure.telegram;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * {@code IMap.tryLock} on Payara's Hazelcast ({@code payara/Hazelcast}). A map lock belongs to the
 * member and thread that took it: Hazelcast frees it when that member leaves the cluster, so a
 * standby's {@code tryLock} succeeds once the holder died. The Hazelcast API is not on this
 * module's compile path, so its three calls go through method handles on its public interfaces.
 */
final class HazelcastLeaderLock implements LeaderLock {

  private static final Logger LOG = Logger.getLogger(HazelcastLeaderLock.class.getName());

  private final Object map;
  private final String key;
  private final MethodHandle tryLock;
  private final MethodHandle isLocked;
  private final MethodHandle unlock;
  private volatile boolean held;

  private HazelcastLeaderLock(Object map, String key, ClassLoader loader) throws Exception {
    this.map = map;
    this.key = key;
    Class<?> imap = Class.forName("com.hazelcast.map.IMap", false, loader);
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    tryLock =
        lookup.findVirtual(
            imap,
            "tryLock",
            MethodType.methodType(boolean.class, Object.class, long.class, TimeUnit.class));
    isLocked =
        lookup.findVirtual(imap, "isLocked", MethodType.methodType(boolean.class, Object.class));
    unlock = lookup.findVirtual(imap, "unlock", MethodType.methodType(void.class, Object.class));
  }

  /** The lock on the node's Hazelcast member, or empty when the node runs without one. */
  static Optional<LeaderLock> lookup(String mapName, String key) {
    try {
      Object instance = new InitialContext().lookup("payara/Hazelcast");
      if (instance == null) {
        return Optional.empty();
      }
      ClassLoader loader = instance.getClass().getClassLoader();
      Class<?> type = Class.forName("com.hazelcast.core.HazelcastInstance", false, loader);
      Object map =
          MethodHandles.publicLookup()
              .findVirtual(
                  type,
                  "getMap",
                  MethodType.methodType(
                      Class.forName("com.hazelcast.map.IMap", false, loader), String.class))
              .invoke(instance, mapName);
      return Optional.of(new HazelcastLeaderLock(map, key, loader));
    } catch (NamingException e) {
      LOG.log(Level.INFO, "No Hazelcast on this node ({0}); the bot polls here", e.getMessage());
      return Optional.empty();
    } catch (Throwable e) {
      LOG.log(Level.WARNING, "Hazelcast lock unavailable; the bot polls here", e);
      return Optional.empty();
    }
  }

  @Override
  public boolean tryAcquire(Duration wait) throws InterruptedException {
    try {
      held = (boolean) tryLock.invoke(map, key, wait.toMillis(), TimeUnit.MILLISECONDS);
      return held;
    } catch (InterruptedException e) {
      throw e;
    } catch (Throwable e) {
      LOG.log(Level.WARNING, "tryLock failed: {0}", e.toString());
      return false;
    }
  }

  @Override
  public boolean held() {
    try {
      return held && (boolean) isLocked.invoke(map, key);
    } catch (Throwable e) {
      return false;
    }
  }

  @Override
  public void release() {
    if (!held) {
      return;
    }
    held = false;
    try {
      unlock.invoke(map, key);
    } catch (Throwable e) {
      LOG.log(Level.FINE, "unlock failed (lock already gone): {0}", e.toString());
    }
  }
}
