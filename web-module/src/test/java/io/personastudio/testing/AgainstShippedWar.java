package io.personastudio.testing;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the black-box integration tests: the shipped WAR on a real Payara Micro (Arquillian),
 * spoken to over HTTP only, at {@link #server}.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class AgainstShippedWar {

  @ArquillianResource protected URL deployment;

  /** The deployment's root address on loopback, ending in a slash. */
  protected URI server;

  @Deployment(testable = false)
  public static WebArchive deployment() {
    return ShippedWar.deployment();
  }

  @BeforeEach
  protected void locateDeployment() throws URISyntaxException {
    server = deployment.toURI();
  }
}
