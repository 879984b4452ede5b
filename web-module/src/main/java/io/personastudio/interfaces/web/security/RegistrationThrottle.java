package io.personastudio.interfaces.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits registrations per client address (website and API together): at most {@code
 * persona.registration.max-per-client} within {@code persona.registration.window-seconds}, then
 * refused until the oldest ages out. Per node; memory is bounded by the clients of one window.
 */
@ApplicationScoped
public class RegistrationThrottle {

  @Inject
  @ConfigProperty(name = "persona.registration.max-per-client", defaultValue = "20")
  int maxPerClient;

  @Inject
  @ConfigProperty(name = "persona.registration.window-seconds", defaultValue = "3600")
  long windowSeconds;

  private final Map<String, Deque<Long>> attempts = new ConcurrentHashMap<>();
  LongSupplier clock = System::currentTimeMillis;

  /** Counts an attempt from the client; false when the client has had its share of the window. */
  public boolean tryAcquire(String client) {
    long now = clock.getAsLong();
    boolean[] allowed = {false};
    attempts.compute(
        client == null ? "" : client,
        (k, times) -> {
          Deque<Long> t = times == null ? new ArrayDeque<>() : times;
          while (!t.isEmpty() && t.peekFirst() <= now - windowSeconds * 1000) {
            t.removeFirst();
          }
          if (t.size() < maxPerClient) {
            t.addLast(now);
            allowed[0] = true;
          }
          return t;
        });
    if (attempts.size() > 10_000) {
      attempts.values().removeIf(t -> t.isEmpty() || t.peekLast() <= now - windowSeconds * 1000);
    }
    return allowed[0];
  }

  /** Seconds until the client may register again, for {@code Retry-After}. */
  public long retryAfterSeconds() {
    return windowSeconds;
  }
}
