package io.personastudio.testing;

import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR this build ships, as the integration tests deploy it: no hand-kept class lists. */
public final class ShippedWar {

  private ShippedWar() {}

  /** For black-box tests that only speak HTTP. */
  public static WebArchive deployment() {
    File war = new File(System.getProperty("persona.it.war", "target/persona-studio.war"));
    return ShrinkWrap.create(ZipImporter.class, "persona-studio.war")
        .importFrom(war)
        .as(WebArchive.class);
  }

  /** For tests that run inside the server: the shipped WAR plus the test and its assertions. */
  public static WebArchive withTest(Class<?> test) {
    return deployment()
        .addClass(test)
        .addClass(Rows.class)
        .addAsLibraries(
            jarOf(Assertions.class), jarOf(Awaitility.class), jarOf(org.hamcrest.Matcher.class));
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
