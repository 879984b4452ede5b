package io.personastudio.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.testing.ShippedWar;
import io.personastudio.testing.web.Browser;
import io.personastudio.testing.web.Bundles;
import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

/** The website in a real headless Chromium: what a visitor does, checked in what the page says. */
@ExtendWith(ArquillianExtension.class)
class BrowserJourneyIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShippedWar.deployment();
  }

  @ArquillianResource URL deployment;

  private ChromeDriver browser;
  private String base;

  @BeforeEach
  void openBrowser() throws Exception {
    assertThat(Browser.installed())
        .as("Debian chromium and chromium-driver are needed (.ci/run installs them)")
        .isTrue();
    browser = Browser.start();
    // Chromium treats localhost as a secure origin, so the Secure session cookie is kept
    base = deployment.toString().replace("127.0.0.1", "localhost");
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aVisitorRegistersSignsOutSignsInAndSeesTheDashboard() {
    String email = "browser-" + UUID.randomUUID() + "@example.org";
    browser.get(base + "register.xhtml");
    browser.findElement(By.id("register:email")).sendKeys(email);
    browser.findElement(By.id("register:displayName")).sendKeys("Vera");
    browser.findElement(By.id("register:password")).sendKeys("violet-Sky-42");
    String anonymousSession = sessionId();
    browser.findElement(By.id("register:submit")).click();

    assertThat(browser.getCurrentUrl()).contains("app/dashboard.xhtml");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo(Bundles.text("en", "dashboard.title"));
    assertThat(browser.getPageSource()).contains(Bundles.text("en", "dashboard.empty"));
    assertThat(sessionId()).as("session id changes at sign-in").isNotEqualTo(anonymousSession);
    Cookie cookie = browser.manage().getCookieNamed("JSESSIONID");
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.isSecure()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Lax");

    browser.findElement(By.id("nav:signOut")).click();
    browser.get(base + "app/dashboard.xhtml");
    assertThat(browser.getCurrentUrl()).as("signed out: back to sign-in").contains("signin.xhtml");

    browser.findElement(By.id("signin:email")).sendKeys(email);
    browser.findElement(By.id("signin:password")).sendKeys("violet-Sky-42");
    browser.findElement(By.id("signin:submit")).click();
    assertThat(browser.getCurrentUrl()).contains("app/dashboard.xhtml");
  }

  private String sessionId() {
    Cookie c = browser.manage().getCookieNamed("JSESSIONID");
    return c == null ? null : c.getValue();
  }
}
