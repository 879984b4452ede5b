package io.personastudio.testing.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The site's message bundles as the tests read them: what a page must say, in each language. */
public final class Bundles {

  private Bundles() {}

  public static Properties of(String language) {
    Properties p = new Properties();
    try (InputStream in =
        Bundles.class.getResourceAsStream("/messages_" + language + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String language, String key) {
    String value = of(language).getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("no " + key + " in messages_" + language);
    }
    return value;
  }
}
