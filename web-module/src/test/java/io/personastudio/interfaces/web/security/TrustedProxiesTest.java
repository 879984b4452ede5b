package io.personastudio.interfaces.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private final TrustedProxies balancer = TrustedProxies.of("127.0.0.1, 10.0.0.0/8");

  @Test
  void behindTheBalancerTheClientIsTheForwardedAddress() {
    assertThat(balancer.client("127.0.0.1", "203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(balancer.client("10.1.2.3", "198.51.100.1, 203.0.113.7")).isEqualTo("203.0.113.7");
  }

  @Test
  void proxiesInTheChainAreSkippedButAClientCannotPrependItsOwnChoice() {
    // the client wrote "1.2.3.4" itself; the balancer appended the address it saw
    assertThat(balancer.client("127.0.0.1", "1.2.3.4, 203.0.113.7, 10.0.0.5"))
        .isEqualTo("203.0.113.7");
  }

  @Test
  void aHeaderFromAnUntrustedPeerIsIgnored() {
    assertThat(balancer.client("203.0.113.9", "127.0.0.1")).isEqualTo("203.0.113.9");
    assertThat(TrustedProxies.of("").client("127.0.0.1", "203.0.113.7")).isEqualTo("127.0.0.1");
  }

  @Test
  void aDamagedHeaderNamesNoOne() {
    assertThat(balancer.client("127.0.0.1", "evil.example, <script>")).isEqualTo("127.0.0.1");
    assertThat(balancer.client("127.0.0.1", "")).isEqualTo("127.0.0.1");
  }

  @Test
  void rangesMatchByPrefixAndFamily() {
    TrustedProxies v6 = TrustedProxies.of("fd00::/8");
    assertThat(v6.trusts("fd12::1")).isTrue();
    assertThat(v6.trusts("fe80::1")).isFalse();
    assertThat(v6.trusts("10.0.0.1")).isFalse();
    assertThat(balancer.trusts("11.0.0.1")).isFalse();
    assertThatThrownBy(() -> TrustedProxies.of("balancer.local"))
        .hasMessageContaining("persona.http.trusted-proxies");
  }
}
