package io.personastudio.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.personastudio.testing.TestDatabase;
import io.personastudio.testing.web.Api;
import io.personastudio.testing.web.Browser;
import io.personastudio.testing.web.Bundles;
import io.personastudio.testing.web.InBrowser;
import io.personastudio.testing.web.Member;
import io.personastudio.testing.web.Pages;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sign-in errors, access tokens, password change, my data and account deletion, in a real headless
 * Chromium against the shipped WAR; what the database holds is checked directly.
 */
class AccountJourneyIT extends InBrowser {

  @Test
  void aWrongPasswordSaysSoAndRepeatedFailuresSayTheyAreThrottled() throws Exception {
    Member vera = Member.register(server, "Vera");

    signIn(vera.email(), "not-the-password-1");
    assertThat(browser.getCurrentUrl()).contains("signin.xhtml");
    assertThat(messages()).contains(text("signin.wrong"));

    for (int i = 0; i < 4; i++) {
      signIn(vera.email(), "not-the-password-" + i);
      assertThat(messages()).contains(text("signin.wrong"));
    }
    signIn(vera.email(), vera.password());
    assertThat(browser.getCurrentUrl()).contains("signin.xhtml");
    assertThat(messages())
        .as("five failures: even the right password waits")
        .contains(text("signin.throttled"))
        .doesNotContain(text("signin.wrong"));
  }

  @Test
  void aTokenIsShownOnceWithItsTelegramLinkAndQrCodeAndCanBeRevoked() throws Exception {
    Member vera = Member.register(server, "Vera");
    UUID persona = vera.persona("Aunt Vera", "Vera", "marmalade!");
    signIn(vera.email(), vera.password());
    browser.findElement(By.cssSelector("a[id$=':tokens']")).click();
    assertThat(browser.findElement(By.id("personaName")).getText()).isEqualTo("Aunt Vera");

    browser.findElement(By.id("create:label")).sendKeys("My phone");
    submit(By.id("create:submit"));

    String secret = browser.findElement(By.id("secret")).getAttribute("value");
    String link = browser.findElement(By.id("deepLink")).getAttribute("href");
    assertThat(secret).matches("[A-Za-z0-9_-]{43}");
    assertThat(link).isEqualTo("https://t.me/PersonaStudioBot?start=" + secret);
    assertThat(decodeQr(browser.findElement(By.id("qr")).getAttribute("src"))).isEqualTo(link);
    assertThat(browser.findElement(By.id("list:tokens:0:label")).getText()).isEqualTo("My phone");

    new Pages(browser, base).open("app/tokens.xhtml?persona=" + persona);
    assertThat(browser.findElements(By.id("secret"))).as("shown once").isEmpty();
    assertThat(browser.getPageSource()).doesNotContain(secret);
    assertThat(browser.findElement(By.id("list:tokens:0:state")).getText())
        .isEqualTo(text("tokens.state.active"));

    browser.findElement(By.id("list:tokens:0:revoke")).click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("list:confirmYes"))).click();

    // the confirmation's ajax answer replaces the list: read it again until the new state is there
    Pages site = new Pages(browser, base);
    String revoked = text("tokens.state.revoked");
    site.waitUntil(
        Duration.ofSeconds(30), () -> site.text(By.id("list:tokens:0:state")).equals(revoked));
    assertThat(site.text(By.id("list:tokens:0:state"))).isEqualTo(revoked);
    assertThat(browser.findElements(By.id("list:tokens:0:revoke"))).isEmpty();
  }

  @Test
  void anotherUsersTokensPageShowsNothingOfTheirs() throws Exception {
    Member vera = Member.register(server, "Vera");
    Member otto = Member.register(server, "Otto");
    UUID persona = vera.persona("Aunt Vera", "Vera", "marmalade!");
    vera.api().post("api/v1/personas/" + persona + "/tokens", "{\"label\":\"secret-label\"}");

    signIn(otto.email(), otto.password());
    new Pages(browser, base).open("app/tokens.xhtml?persona=" + persona);

    assertThat(messages()).contains(text("tokens.noPersona"));
    assertThat(browser.getPageSource()).doesNotContain("Aunt Vera").doesNotContain("secret-label");
    assertThat(browser.findElements(By.id("create:submit"))).isEmpty();
  }

  @Test
  void aChangedPasswordReplacesTheOldOneAndSignsOutOtherSessions() throws Exception {
    Member vera = Member.register(server, "Vera");
    String next = "amber-Moon-77";
    ChromeDriver otherDevice = Browser.start();
    try {
      signIn(otherDevice, vera.email(), vera.password());
      new Pages(otherDevice, base).arrivesAt("app/dashboard.xhtml");
      changePassword(vera, next);

      otherDevice.findElement(By.id("nav:navDashboard")).click();
      new Pages(otherDevice, base).arrivesAt("signin.xhtml");
      assertThat(otherDevice.findElements(By.id("nav:signOut")))
          .as("the other session is signed out")
          .isEmpty();
    } finally {
      otherDevice.quit();
    }
    browser.findElement(By.id("nav:navDashboard")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .as("the session that changed the password stays signed in")
        .isEqualTo(text("dashboard.title"));

    // signed out for sure before the next sign-in (a sign-in page asked for while the sign-out
    // was still in flight was answered for the old session: the final CI run failed on it)
    submit(By.id("nav:signOut"));
    new Pages(browser, base).arrivesAt("index.xhtml");
    signIn(vera.email(), vera.password());
    assertThat(messages()).contains(text("signin.wrong"));
    signIn(vera.email(), next);
    assertThat(browser.getCurrentUrl()).contains("app/dashboard.xhtml");
  }

  @Test
  void anAjaxRequestOfASessionSignedOutElsewhereLeadsToTheSignInPage() throws Exception {
    Member vera = Member.register(server, "Vera");
    UUID persona = vera.persona("Aunt Vera", "Vera", "marmalade!");
    signIn(vera.email(), vera.password());
    new Pages(browser, base).open("app/persona.xhtml?id=" + persona);
    HttpResponse<String> changed =
        vera.api()
            .post(
                "api/v1/account/password",
                Api.json(
                    Map.of("currentPassword", vera.password(), "newPassword", "amber-Moon-77")));
    assertThat(changed.statusCode()).as(changed.body()).isBetween(200, 299);

    // the web chat's buttons are Ajax: a 302 inside the request used to leave the page as it was
    browser.findElement(By.id("chat:forget")).click();
    new Pages(browser, base).arrivesAt("signin.xhtml");
    assertThat(browser.findElements(By.id("nav:signOut"))).as("signed out").isEmpty();
  }

  private void changePassword(Member vera, String next) {
    signIn(vera.email(), vera.password());
    openAccount();
    String before = browser.manage().getCookieNamed("JSESSIONID").getValue();

    browser.findElement(By.id("password:current")).sendKeys("not-the-password-1");
    browser.findElement(By.id("password:next")).sendKeys(next);
    submit(By.id("password:submit"));
    assertThat(messages()).contains(text("error.FORBIDDEN"));

    browser.findElement(By.id("password:current")).sendKeys(vera.password());
    browser.findElement(By.id("password:next")).sendKeys(next);
    submit(By.id("password:submit"));
    assertThat(messages()).contains(text("account.password.changed"));
    assertThat(browser.manage().getCookieNamed("JSESSIONID").getValue())
        .as("session id changes with the password")
        .isNotEqualTo(before);
  }

  @Test
  void myDataHoldsMyPersonasAndChatsButNothingOfAnotherUser() throws Exception {
    Member vera = Member.register(server, "Vera");
    Member otto = Member.register(server, "Otto");
    UUID persona = vera.persona("Aunt Vera", "Vera", "marmalade!");
    otto.persona("Uncle Otto", "Otto", "sardines!");
    await().atMost(Duration.ofMinutes(2)).until(() -> Member.imported(persona));
    Path downloads = Files.createTempDirectory("persona-downloads-");
    browser.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    signIn(vera.email(), vera.password());
    openAccount();

    browser.findElement(By.id("export:download")).click();

    Path file = downloads.resolve("persona-studio-my-data.json");
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.isRegularFile(file));
    String json = Files.readString(file);
    assertThat(json)
        .contains("\"email\":\"" + vera.email() + "\"", "\"name\":\"Aunt Vera\"")
        .contains("marmalade!", "\"sender\":\"Vera\"")
        .doesNotContain("Uncle Otto", "sardines!", otto.email(), "password", "Hash");
  }

  @Test
  void aDeletedAccountLeavesNoRowAndCannotSignIn() throws Exception {
    Member vera = Member.register(server, "Vera");
    Member otto = Member.register(server, "Otto");
    UUID persona = vera.persona("Aunt Vera", "Vera", "marmalade!");
    UUID ottos = otto.persona("Uncle Otto", "Otto", "sardines!");
    vera.api().post("api/v1/personas/" + persona + "/tokens", "{\"label\":\"phone\"}");
    await().atMost(Duration.ofMinutes(2)).until(() -> Member.imported(persona));
    UUID chatImport = chatImportOf(persona);
    bindTelegramChat(persona);
    signIn(vera.email(), vera.password());
    openAccount();

    browser.findElement(By.id("delete:confirmEmail")).sendKeys(otto.email());
    submit(By.id("delete:submit"));
    assertThat(messages()).contains(text("error.INVALID_INPUT"));
    assertThat(Member.count("account", "id", vera.id())).isEqualTo(1);

    browser.findElement(By.id("delete:confirmEmail")).clear();
    browser.findElement(By.id("delete:confirmEmail")).sendKeys(vera.email());
    submit(By.id("delete:submit"));

    assertThat(browser.getCurrentUrl()).contains("signin.xhtml");
    assertThat(browser.findElement(By.id("accountDeleted")).getText())
        .isEqualTo(text("signin.accountDeleted"));
    assertThat(vera.rowsLeft()).isEmpty();
    assertThat(Member.count("chat_message", "import_id", chatImport)).isZero();
    assertThat(Member.count("telegram_binding", "persona_id", persona)).isZero();
    assertThat(Member.count("telegram_turn", "persona_id", persona)).isZero();
    assertThat(Member.count("persona", "id", ottos)).as("another account untouched").isEqualTo(1);
    browser.get(base + "app/dashboard.xhtml");
    assertThat(browser.getCurrentUrl()).as("the session ended").contains("signin.xhtml");
    signIn(vera.email(), vera.password());
    assertThat(messages()).contains(text("signin.wrong"));
  }

  private void signIn(String email, String password) {
    signIn(browser, email, password);
  }

  private void signIn(ChromeDriver in, String email, String password) {
    in.get(base + "signin.xhtml");
    in.findElement(By.id("signin:email")).sendKeys(email);
    in.findElement(By.id("signin:password")).sendKeys(password);
    submit(in, By.id("signin:submit"));
  }

  /** Clicks a button that posts its form and waits until the answer has replaced the page. */
  private void submit(By button) {
    submit(browser, button);
  }

  private static void submit(ChromeDriver in, By button) {
    var element = in.findElement(button);
    element.click();
    new WebDriverWait(in, Duration.ofSeconds(30)).until(d -> replaced(element));
  }

  /**
   * True once the page the element belonged to is gone. Chromium sometimes reports that as an
   * inspector error ("does not belong to the document") instead of a stale element: a CI run failed
   * on it under load.
   */
  private static boolean replaced(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException gone) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /** Through the navigation: the account page is a protected view, entered by the site's links. */
  private void openAccount() {
    browser.findElement(By.id("nav:navAccount")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(text("account.title"));
  }

  private String messages() {
    return browser.findElement(By.id("messages")).getText();
  }

  private static String text(String key) {
    return Bundles.text("en", key);
  }

  private static String decodeQr(String dataUri) throws Exception {
    assertThat(dataUri).startsWith("data:image/png;base64,");
    byte[] png = Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1));
    var image = ImageIO.read(new ByteArrayInputStream(png));
    int w = image.getWidth();
    int h = image.getHeight();
    int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
    // the image is a pure, axis-aligned code: without this hint zxing's finder-pattern search
    // misses about 1 in 200 codes of random tokens (73 of 15,000 measured; none with the hint)
    return new MultiFormatReader()
        .decode(
            new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))),
            java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
        .getText();
  }

  private static UUID chatImportOf(UUID persona) throws Exception {
    try (Connection c = TestDatabase.connect();
        PreparedStatement q =
            c.prepareStatement("SELECT id FROM chat_import WHERE persona_id = ?")) {
      q.setObject(1, persona);
      try (var rs = q.executeQuery()) {
        rs.next();
        return rs.getObject(1, UUID.class);
      }
    }
  }

  /** A Telegram chat bound to the persona with one remembered turn, as the bot leaves them. */
  private static void bindTelegramChat(UUID persona) throws Exception {
    long chat = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    try (Connection c = TestDatabase.connect();
        PreparedStatement binding =
            c.prepareStatement(
                "INSERT INTO telegram_binding (chat_id, persona_id, persona_name, access_token_id,"
                    + " active, bound_at) SELECT ?, ?, 'Aunt Vera', id, true, now()"
                    + " FROM access_token WHERE persona_id = ? LIMIT 1");
        PreparedStatement turn =
            c.prepareStatement(
                "INSERT INTO telegram_turn (id, chat_id, persona_id, speaker, key_id, text_cipher,"
                    + " created_at) VALUES (?, ?, ?, 'USER', 'k', '\\x00'::bytea, now())")) {
      binding.setLong(1, chat);
      binding.setObject(2, persona);
      binding.setObject(3, persona);
      assertThat(binding.executeUpdate()).isEqualTo(1);
      turn.setObject(1, UUID.randomUUID());
      turn.setLong(2, chat);
      turn.setObject(3, persona);
      turn.executeUpdate();
    }
  }
}
