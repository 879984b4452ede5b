package io.personastudio.launcher;

import java.util.Arrays;

/**
 * How a node finds the other members of its cluster: the TCP/IP member list (never multicast), a
 * DNS name that resolves to every member, or the Kubernetes endpoints of a service. Its text is
 * Payara Micro's {@code --clustermode}.
 */
public record ClusterDiscovery(String clusterMode) {

  public static ClusterDiscovery from(String discovery, String members) {
    String value = discovery == null || discovery.isBlank() ? "tcpip" : discovery.strip();
    if (value.equals("tcpip")) {
      return new ClusterDiscovery("tcpip:" + members);
    }
    if (value.startsWith("dns:") || value.startsWith("kubernetes:")) {
      if (value.indexOf(':') == value.length() - 1) {
        throw new ConfigurationException(
            "PERSONA_CLUSTER_DISCOVERY '" + value + "' names no service after the colon");
      }
      return new ClusterDiscovery(value);
    }
    throw new ConfigurationException(
        "PERSONA_CLUSTER_DISCOVERY must be tcpip, dns:<name>:<port> or"
            + " kubernetes:<namespace>,<service>, got '"
            + value
            + "'");
  }

  /** True when other members may join: the node then shares its keys instead of making them. */
  public boolean clustered() {
    if (!clusterMode.startsWith("tcpip:")) {
      return true;
    }
    return Arrays.stream(clusterMode.substring("tcpip:".length()).split(","))
            .map(String::strip)
            .filter(member -> !member.isEmpty())
            .distinct()
            .count()
        > 1;
  }
}
