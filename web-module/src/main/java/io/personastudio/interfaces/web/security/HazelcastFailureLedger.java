package io.personastudio.interfaces.web.security;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The ledger in an {@code IMap} of Payara's Hazelcast ({@code payara/Hazelcast}), so every node of
 * the cluster counts the same failures. Values are plain strings ({@code count:lastMillis}): no
 * application class is ever deserialized by another member. An update holds the key's map lock;
 * each entry lives its time-to-live after its last failure. The Hazelcast API is not on this
 * module's compile path, so its calls go through method handles on its public interface (as the
 * bot's leader lock does).
 */
final class HazelcastFailureLedger implements FailureLedger {

  private static final Logger LOG = Logger.getLogger(HazelcastFailureLedger.class.getName());

  private final Object map;
  private final MethodHandle lock;
  private final MethodHandle unlock;
  private final MethodHandle get;
  private final MethodHandle set;
  private final MethodHandle delete;

  private HazelcastFailureLedger(Object map, Class<?> imap) throws ReflectiveOperationException {
    this.map = map;
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    lock = lookup.findVirtual(imap, "lock", MethodType.methodType(void.class, Object.class));
    unlock = lookup.findVirtual(imap, "unlock", MethodType.methodType(void.class, Object.class));
    get = lookup.findVirtual(imap, "get", MethodType.methodType(Object.class, Object.class));
    set =
        lookup.findVirtual(
            imap,
            "set",
            MethodType.methodType(
                void.class, Object.class, Object.class, long.class, TimeUnit.class));
    delete = lookup.findVirtual(imap, "delete", MethodType.methodType(void.class, Object.class));
  }

  /** The ledger on the node's Hazelcast member, or empty when the node runs without one. */
  static Optional<FailureLedger> lookup(String mapName) {
    try {
      Object instance = new InitialContext().lookup("payara/Hazelcast");
      if (instance == null) {
        return Optional.empty();
      }
      ClassLoader loader = instance.getClass().getClassLoader();
      Class<?> type = Class.forName("com.hazelcast.core.HazelcastInstance", false, loader);
      Class<?> imap = Class.forName("com.hazelcast.map.IMap", false, loader);
      Object map =
          MethodHandles.publicLookup()
              .findVirtual(type, "getMap", MethodType.methodType(imap, String.class))
              .invoke(instance, mapName);
      return Optional.of(new HazelcastFailureLedger(map, imap));
    } catch (NamingException e) {
      LOG.log(Level.INFO, "No Hazelcast on this node ({0})", e.getMessage());
      return Optional.empty();
    } catch (Throwable e) {
      LOG.log(Level.WARNING, "Hazelcast map unavailable for the sign-in throttle", e);
      return Optional.empty();
    }
  }

  @Override
  public Failures add(String key, long now, long ttlMillis) {
    try {
      lock.invoke(map, key);
      try {
        Failures before = parse(get.invoke(map, key));
        Failures after = new Failures(before.count() + 1, now);
        set.invoke(map, key, after.count() + ":" + now, ttlMillis, TimeUnit.MILLISECONDS);
        return after;
      } finally {
        unlock.invoke(map, key);
      }
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("Hazelcast call failed", e);
    }
  }

  @Override
  public Failures get(String key, long now) {
    try {
      return parse(get.invoke(map, key));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("Hazelcast call failed", e);
    }
  }

  @Override
  public void remove(String key) {
    try {
      delete.invoke(map, key);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("Hazelcast call failed", e);
    }
  }

  static Failures parse(Object value) {
    if (!(value instanceof String text)) {
      return Failures.NONE;
    }
    int colon = text.indexOf(':');
    try {
      return new Failures(
          Integer.parseInt(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
    } catch (RuntimeException e) {
      return Failures.NONE;
    }
  }
}
