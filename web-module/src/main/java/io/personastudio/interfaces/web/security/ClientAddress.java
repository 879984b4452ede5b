package io.personastudio.interfaces.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a request comes from, for per-client limits and the log: the peer's address, or behind a
 * trusted load balancer ({@code persona.http.trusted-proxies}) the client it names.
 */
@ApplicationScoped
public class ClientAddress {

  @Inject
  @ConfigProperty(name = "persona.http.trusted-proxies")
  Optional<String> trustedProxies;

  private volatile TrustedProxies proxies;

  public String of(HttpServletRequest request) {
    TrustedProxies p = proxies;
    if (p == null) {
      p = TrustedProxies.of(trustedProxies.orElse(""));
      proxies = p;
    }
    return p.client(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
  }
}
