package io.personastudio.testing.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.testing.AgainstShippedWar;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Base of the browser tests: the shipped WAR plus a fresh headless Chromium per test, closed after
 * it. {@link #base} is the site's address as the browser opens it.
 */
public abstract class InBrowser extends AgainstShippedWar {

  protected ChromeDriver browser;

  /** The site's root on {@code localhost}, ending in a slash. */
  protected String base;

  @BeforeEach
  protected void openBrowser() throws IOException {
    assertThat(Browser.installed())
        .as("Debian chromium and chromium-driver are needed (.ci/run installs them)")
        .isTrue();
    browser = Browser.start();
    // Chromium treats localhost as a secure origin, so the Secure session cookie is kept
    base = deployment.toString().replace("127.0.0.1", "localhost");
  }

  @AfterEach
  protected void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }
}
