package io.personastudio.launcher;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The address a node serves and clusters on. {@code auto} is the address the machine's own name
 * resolves to: in a container on a bridge network, the container's address, which the other
 * containers reach it by (Hazelcast needs one concrete interface, not a wildcard).
 */
final class BindAddress {

  private BindAddress() {}

  static final String AUTO = "auto";

  /**
   * HTTP's address: the configured one, or all interfaces for {@code auto} (a container's own
   * health check calls 127.0.0.1; the container's network is its boundary).
   */
  static String http(String configured) {
    return configured.equals(AUTO) ? "0.0.0.0" : configured;
  }

  static String clusterInterface(String configured) {
    if (!configured.equals(AUTO)) {
      return configured;
    }
    try {
      return InetAddress.getLocalHost().getHostAddress();
    } catch (UnknownHostException e) {
      throw new ConfigurationException(
          "PERSONA_BIND_ADDRESS=auto: this machine's name does not resolve ("
              + e.getMessage()
              + ")");
    }
  }
}
