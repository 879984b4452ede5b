package io.personastudio.interfaces.web.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies (the cluster's load balancer) whose {@code X-Forwarded-For} a node believes, as
 * addresses or CIDR ranges ({@code 127.0.0.1}, {@code 10.0.0.0/8}, {@code fd00::/8}). Behind a load
 * balancer every request comes from the balancer's address; without this, per-client limits
 * (sign-in, registration) would count every user as one client. A header from anyone else is
 * ignored, so a client cannot choose its own address.
 */
public final class TrustedProxies {

  private static final Pattern LITERAL =
      Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = ranges;
  }

  /** {@code spec}: comma-separated addresses or ranges; empty trusts nobody. */
  public static TrustedProxies of(String spec) {
    if (spec == null || spec.isBlank()) {
      return new TrustedProxies(List.of());
    }
    return new TrustedProxies(
        Arrays.stream(spec.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(Range::parse)
            .toList());
  }

  /**
   * The client of a request that arrived from {@code peer} with {@code forwardedFor}: the nearest
   * hop, walking back from {@code peer}, that is not a trusted proxy.
   */
  public String client(String peer, String forwardedFor) {
    if (forwardedFor == null || forwardedFor.isBlank() || !trusts(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      Optional<byte[]> address = literal(hop);
      if (address.isEmpty()) {
        return peer; // a damaged header names no one
      }
      if (i == 0 || !trusts(hop)) {
        return hop;
      }
    }
    return peer;
  }

  boolean trusts(String address) {
    Optional<byte[]> bytes = literal(address);
    return bytes.isPresent() && ranges.stream().anyMatch(r -> r.contains(bytes.get()));
  }

  private static Optional<byte[]> literal(String text) {
    if (text == null || !LITERAL.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text).getAddress()); // a literal: no lookup
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private record Range(byte[] network, int bits) {

    static Range parse(String text) {
      int slash = text.indexOf('/');
      String address = slash < 0 ? text : text.substring(0, slash);
      byte[] bytes =
          literal(address)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "persona.http.trusted-proxies: '"
                              + text
                              + "' is not an address or range"));
      int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
      if (bits < 0 || bits > bytes.length * 8) {
        throw new IllegalArgumentException(
            "persona.http.trusted-proxies: bad prefix in '" + text + "'");
      }
      return new Range(bytes, bits);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
