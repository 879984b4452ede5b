package io.personastudio.interfaces.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing with growing delays, counted cluster-wide (Hazelcast; this node alone
 * only when it runs without it), so n nodes allow no more guesses than one. Three counts, each
 * forgotten two windows after its last failure (so the longest delay, one window, never resets it):
 *
 * <ul>
 *   <li>per account <em>and</em> client: after {@code persona.signin.max-failures} failures that
 *       client waits {@code persona.signin.first-delay-seconds}, doubling with each further failure
 *       up to the window. A stranger's failures delay only the stranger: the owner signs in from a
 *       client that has not failed.
 *   <li>per client, over all accounts: the same after {@code max-failures-per-client}, against one
 *       client trying many accounts.
 *   <li>per account, over all clients: after {@code max-failures-per-account}, every client that
 *       has failed on the account at least once waits as well (many addresses get one guess each
 *       per delay), while a client without failures is still let through.
 * </ul>
 */
@ApplicationScoped
public class SignInThrottle {

  private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());
  static final String MAP = "persona-signin-failures";

  @Inject
  @ConfigProperty(name = "persona.signin.max-failures", defaultValue = "5")
  int maxPerAccountAndClient;

  @Inject
  @ConfigProperty(name = "persona.signin.max-failures-per-client", defaultValue = "30")
  int maxPerClient;

  @Inject
  @ConfigProperty(name = "persona.signin.max-failures-per-account", defaultValue = "20")
  int maxPerAccount;

  @Inject
  @ConfigProperty(name = "persona.signin.first-delay-seconds", defaultValue = "30")
  long firstDelaySeconds;

  @Inject
  @ConfigProperty(name = "persona.signin.window-seconds", defaultValue = "900")
  long windowSeconds;

  FailureLedger ledger = new LocalFailureLedger();
  LongSupplier clock = System::currentTimeMillis;

  @PostConstruct
  void connect() {
    HazelcastFailureLedger.lookup(MAP)
        .ifPresentOrElse(
            shared -> ledger = new FallbackFailureLedger(shared),
            () -> LOG.info("Sign-in throttle: this node counts failures alone (no Hazelcast)"));
  }

  /** Whether another attempt may be checked now. */
  public boolean allows(String email, String client) {
    return retryAfterMillis(email, client) == 0;
  }

  /** How long until the next attempt for the account from the client may be checked; 0: now. */
  public long retryAfterMillis(String email, String client) {
    long now = clock.getAsLong();
    FailureLedger.Failures pair = ledger.get(pairKey(email, client), now);
    long until = releasedAt(pair, maxPerAccountAndClient);
    until = Math.max(until, releasedAt(ledger.get(clientKey(client), now), maxPerClient));
    if (pair.count() > 0) {
      until = Math.max(until, releasedAt(ledger.get(accountKey(email), now), maxPerAccount));
    }
    return Math.max(0, until - now);
  }

  public void failed(String email, String client) {
    long now = clock.getAsLong();
    long ttl = 2 * windowSeconds * 1000;
    ledger.add(pairKey(email, client), now, ttl);
    ledger.add(clientKey(client), now, ttl);
    ledger.add(accountKey(email), now, ttl);
  }

  /** The right password from this client: its own failures on the account are forgiven. */
  public void succeeded(String email, String client) {
    ledger.remove(pairKey(email, client));
  }

  /** When a count lets the next attempt through: free below the limit, then growing delays. */
  private long releasedAt(FailureLedger.Failures failures, int free) {
    if (failures.count() < free) {
      return 0;
    }
    int doublings = Math.min(failures.count() - free, 30);
    long delay = Math.min(firstDelaySeconds * 1000 << doublings, windowSeconds * 1000);
    return failures.lastMillis() + delay;
  }

  private static String normalized(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  private static String pairKey(String email, String client) {
    return "p:" + normalized(email) + "|" + client;
  }

  private static String accountKey(String email) {
    return "a:" + normalized(email);
  }

  private static String clientKey(String client) {
    return "c:" + client;
  }
}
