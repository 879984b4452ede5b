package io.personastudio.testing.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium (Debian {@code chromium} + {@code chromium-driver}) with the
 * platform's flags: nothing leaves loopback, a fresh profile per browser.
 */
public final class Browser {

  private Browser() {}

  public static boolean installed() {
    return new File(driver()).canExecute() && new File(binary()).canExecute();
  }

  public static ChromeDriver start() throws IOException {
    return start("en-US");
  }

  /** A browser whose user interface and Accept-Language header ask for this language first. */
  public static ChromeDriver start(String language) throws IOException {
    Path profile = Files.createTempDirectory("persona-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--lang=" + language,
        "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(driver()))
            .usingAnyFreePort()
            .build();
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    return browser;
  }

  private static String driver() {
    return System.getProperty("persona.it.chromedriver", "/usr/bin/chromedriver");
  }

  private static String binary() {
    return System.getProperty("persona.it.chromium", "/usr/bin/chromium");
  }
}
