package io.personastudio.launcher;

import java.util.List;

/**
 * The asadmin commands that shape a node before it starts: HTTP listens on the configured address
 * only (Payara Micro's own default is every interface of the machine).
 */
public final class PreBootCommands {

  private PreBootCommands() {}

  public static List<String> forNode(NodeSettings settings) {
    return List.of(
        "set configs.config.server-config.network-config.network-listeners.network-listener"
            + ".http-listener.address="
            + settings.httpAddress());
  }
}
