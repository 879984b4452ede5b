package io.personastudio.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the JVM has head-room: a node that keeps under 95 % of its heap after GC is alive. */
@Liveness
@ApplicationScoped
public class NodeLiveness implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    Runtime rt = Runtime.getRuntime();
    long used = rt.totalMemory() - rt.freeMemory();
    double share = (double) used / rt.maxMemory();
    return HealthCheckResponse.named("node")
        .status(share < 0.95)
        .withData("heapUsedMb", used / (1024 * 1024))
        .withData("heapMaxMb", rt.maxMemory() / (1024 * 1024))
        .build();
  }
}
