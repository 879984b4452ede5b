package io.personastudio.testing.web;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a visitor does on the site, step by step, in one browser. */
public final class Pages {

  public static final String PASSWORD = "violet-Sky-42";
  private static final Pattern TOKEN = Pattern.compile("jakarta\\.faces\\.Token=([^&\"]+)");

  private final ChromeDriver browser;
  private final String base;

  public Pages(ChromeDriver browser, String base) {
    this.browser = browser;
    this.base = base;
  }

  /** Registers a fresh account (which signs it in); returns its e-mail address. */
  public String register(String name) {
    String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
    browser.get(base + "register.xhtml");
    browser.findElement(By.id("register:email")).sendKeys(email);
    browser.findElement(By.id("register:displayName")).sendKeys(name);
    browser.findElement(By.id("register:password")).sendKeys(PASSWORD);
    browser.findElement(By.id("register:submit")).click();
    return email;
  }

  /**
   * A signed-in page behind JSF's protected views, opened as a bookmarked link of this session
   * would open it: with the session's view token, which the site's own links carry.
   */
  public void open(String pathAndQuery) {
    String link = browser.findElement(By.id("nav:navNew")).getAttribute("href");
    Matcher token = TOKEN.matcher(link);
    if (!token.find()) {
      throw new IllegalStateException("the site's links carry no view token: " + link);
    }
    String separator = pathAndQuery.contains("?") ? "&" : "?";
    browser.get(base + pathAndQuery + separator + "jakarta.faces.Token=" + token.group(1));
  }

  /** The text of an element, read again until it satisfies the wait (ajax replaces elements). */
  public String text(By element) {
    try {
      return browser.findElement(element).getText();
    } catch (StaleElementReferenceException | NoSuchElementException e) {
      return "";
    }
  }

  /**
   * Waits for the page a click navigated to: a form post can return to the test before the next
   * page is there, most of all on a loaded machine (sign-in hashes the password twice).
   */
  public void arrivesAt(String urlPart) {
    waitUntil(Duration.ofSeconds(30), () -> browser.getCurrentUrl().contains(urlPart));
  }

  public void waitUntil(Duration atMost, Supplier<Boolean> condition) {
    try {
      new WebDriverWait(browser, atMost)
          .ignoring(StaleElementReferenceException.class)
          .until(b -> condition.get());
    } catch (TimeoutException e) {
      throw new AssertionError(
          "waited "
              + atMost
              + " on "
              + browser.getCurrentUrl()
              + "; the page says: "
              + text(By.tagName("main")),
          e);
    }
  }

  /** What a script injected through chat content would have set (nothing, when it stayed inert). */
  public Object injected() {
    return browser.executeScript("return window.__xss === undefined ? null : window.__xss;");
  }
}
