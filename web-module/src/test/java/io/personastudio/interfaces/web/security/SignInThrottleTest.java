package io.personastudio.interfaces.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Growing delays per account and client, shared by the nodes that share a ledger. */
class SignInThrottleTest {

  private static final String OWNER = "ana@example.org";
  private static final String STRANGER = "203.0.113.9";
  private static final String OWNERS_PHONE = "198.51.100.7";

  private final AtomicLong now = new AtomicLong(10_000_000);
  private final FailureLedger shared = new LocalFailureLedger();

  private SignInThrottle node() {
    SignInThrottle t = new SignInThrottle();
    t.maxPerAccountAndClient = 5;
    t.maxPerClient = 30;
    t.maxPerAccount = 20;
    t.firstDelaySeconds = 30;
    t.windowSeconds = 900;
    t.ledger = shared;
    t.clock = now::get;
    return t;
  }

  private static void fail(SignInThrottle t, String email, String client, int times) {
    for (int i = 0; i < times; i++) {
      assertThat(t.allows(email, client)).as("attempt %d is checked", i + 1).isTrue();
      t.failed(email, client);
    }
  }

  @Test
  void aStrangersFailuresDoNotLockTheOwnerOut() {
    SignInThrottle t = node();
    fail(t, OWNER, STRANGER, 5);

    assertThat(t.allows(OWNER, STRANGER)).isFalse();
    assertThat(t.allows(OWNER, OWNERS_PHONE)).as("the owner's own client").isTrue();
  }

  @Test
  void delaysGrowWithEachFurtherFailureUpToTheWindow() {
    SignInThrottle t = node();
    fail(t, OWNER, STRANGER, 5);

    long[] expected = {30, 60, 120, 240, 480, 900, 900};
    for (long seconds : expected) {
      assertThat(t.retryAfterMillis(OWNER, STRANGER)).isEqualTo(seconds * 1000);
      now.addAndGet(seconds * 1000 - 1);
      assertThat(t.allows(OWNER, STRANGER)).isFalse();
      now.addAndGet(1);
      assertThat(t.allows(OWNER, STRANGER)).isTrue();
      t.failed(OWNER, STRANGER);
    }
  }

  @Test
  void twoNodesAllowNoMoreGuessesThanOne() {
    SignInThrottle first = node();
    SignInThrottle second = node();
    fail(first, OWNER, STRANGER, 3);
    fail(second, OWNER, STRANGER, 2);

    assertThat(first.allows(OWNER, STRANGER)).isFalse();
    assertThat(second.allows(OWNER, STRANGER)).isFalse();
  }

  @Test
  void theRightPasswordForgivesThatClientOnly() {
    SignInThrottle t = node();
    fail(t, OWNER, OWNERS_PHONE, 4);
    fail(t, OWNER, STRANGER, 5);

    t.succeeded(OWNER, OWNERS_PHONE);

    fail(t, OWNER, OWNERS_PHONE, 5);
    assertThat(t.allows(OWNER, STRANGER)).isFalse();
  }

  @Test
  void oneClientTryingManyAccountsIsDelayed() {
    SignInThrottle t = node();
    for (int i = 0; i < 30; i++) {
      fail(t, "user" + i + "@example.org", STRANGER, 1);
    }

    assertThat(t.allows("another@example.org", STRANGER)).isFalse();
    assertThat(t.allows("another@example.org", OWNERS_PHONE)).isTrue();
  }

  @Test
  void manyAddressesGetOneGuessEachOnceTheAccountIsUnderAttackButTheOwnerStillSignsIn() {
    SignInThrottle t = node();
    for (int i = 0; i < 20; i++) {
      fail(t, OWNER, "10.0.0." + i, 1);
    }

    assertThat(t.allows(OWNER, "10.0.0.1")).as("a client that failed waits").isFalse();
    assertThat(t.allows(OWNER, "10.0.0.99")).as("a new address gets its first guess").isTrue();
    t.failed(OWNER, "10.0.0.99");
    assertThat(t.allows(OWNER, "10.0.0.99")).isFalse();
    assertThat(t.allows(OWNER, OWNERS_PHONE)).as("the owner, never failed").isTrue();
  }

  @Test
  void failuresAreForgottenTwoWindowsAfterTheLast() {
    SignInThrottle t = node();
    fail(t, OWNER, STRANGER, 5);

    now.addAndGet(1_800_000);

    fail(t, OWNER, STRANGER, 5);
  }

  @Test
  void whileTheClusterMapIsUnreachableTheNodeStillThrottlesAlone() {
    FailureLedger broken =
        new FailureLedger() {
          @Override
          public Failures add(String key, long now, long ttlMillis) {
            throw new IllegalStateException("Hazelcast call failed");
          }

          @Override
          public Failures get(String key, long now) {
            throw new IllegalStateException("Hazelcast call failed");
          }

          @Override
          public void remove(String key) {
            throw new IllegalStateException("Hazelcast call failed");
          }
        };
    SignInThrottle t = node();
    t.ledger = new FallbackFailureLedger(broken);

    fail(t, OWNER, STRANGER, 5);

    assertThat(t.allows(OWNER, STRANGER)).isFalse();
    assertThat(t.allows(OWNER, OWNERS_PHONE)).isTrue();
  }
}
