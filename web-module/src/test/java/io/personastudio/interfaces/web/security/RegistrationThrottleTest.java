package io.personastudio.interfaces.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RegistrationThrottleTest {

  private final AtomicLong now = new AtomicLong(5_000_000);

  private RegistrationThrottle throttle(int max, long windowSeconds) {
    RegistrationThrottle t = new RegistrationThrottle();
    t.maxPerClient = max;
    t.windowSeconds = windowSeconds;
    t.clock = now::get;
    return t;
  }

  @Test
  void aClientGetsItsShareThenWaitsForTheOldestToAgeOut() {
    RegistrationThrottle t = throttle(3, 60);

    assertThat(t.tryAcquire("10.0.0.1")).isTrue();
    now.addAndGet(10_000);
    assertThat(t.tryAcquire("10.0.0.1")).isTrue();
    assertThat(t.tryAcquire("10.0.0.1")).isTrue();
    assertThat(t.tryAcquire("10.0.0.1")).isFalse();
    now.addAndGet(49_999);
    assertThat(t.tryAcquire("10.0.0.1")).isFalse();
    now.addAndGet(1);
    assertThat(t.tryAcquire("10.0.0.1")).as("the first attempt aged out").isTrue();
    assertThat(t.tryAcquire("10.0.0.1")).isFalse();
  }

  @Test
  void refusedAttemptsDoNotProlongTheWait() {
    RegistrationThrottle t = throttle(1, 60);
    t.tryAcquire("c");
    for (int i = 0; i < 100; i++) {
      now.addAndGet(500);
      t.tryAcquire("c");
    }

    now.set(5_000_000 + 60_000);
    assertThat(t.tryAcquire("c")).isTrue();
  }

  @Test
  void otherClientsAreNotAffected() {
    RegistrationThrottle t = throttle(1, 60);
    t.tryAcquire("a");

    assertThat(t.tryAcquire("a")).isFalse();
    assertThat(t.tryAcquire("b")).isTrue();
  }
}
