package io.personastudio.interfaces.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing: after too many failed sign-ins for one address, or from one client
 * address, within the window, further attempts are refused until the oldest failure ages out. Per
 * node; a cluster of n nodes allows at most n times as many guesses.
 */
@ApplicationScoped
public class SignInThrottle {

  @Inject
  @ConfigProperty(name = "persona.signin.max-failures", defaultValue = "5")
  int maxPerAccount;

  @Inject
  @ConfigProperty(name = "persona.signin.max-failures-per-client", defaultValue = "30")
  int maxPerClient;

  @Inject
  @ConfigProperty(name = "persona.signin.window-seconds", defaultValue = "900")
  long windowSeconds;

  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  /** Whether another attempt may be checked now. */
  public boolean allows(String email, String client) {
    return recent(accountKey(email)) < maxPerAccount && recent(clientKey(client)) < maxPerClient;
  }

  public void failed(String email, String client) {
    long now = clock.millis();
    for (String key : new String[] {accountKey(email), clientKey(client)}) {
      failures.compute(
          key,
          (k, times) -> {
            Deque<Long> t = times == null ? new ArrayDeque<>() : times;
            t.addLast(now);
            prune(t, now);
            return t;
          });
    }
  }

  public void succeeded(String email) {
    failures.remove(accountKey(email));
  }

  private int recent(String key) {
    long now = clock.millis();
    Deque<Long> times =
        failures.computeIfPresent(
            key,
            (k, t) -> {
              prune(t, now);
              return t.isEmpty() ? null : t;
            });
    return times == null ? 0 : times.size();
  }

  private void prune(Deque<Long> times, long now) {
    while (!times.isEmpty() && times.peekFirst() < now - windowSeconds * 1000) {
      times.removeFirst();
    }
  }

  private static String accountKey(String email) {
    return "a:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
  }

  private static String clientKey(String client) {
    return "c:" + client;
  }
}
