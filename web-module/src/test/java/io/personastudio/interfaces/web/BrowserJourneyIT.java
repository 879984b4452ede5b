package io.personastudio.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.domain.account.PasswordPolicy;
import io.personastudio.testing.web.Api;
import io.personastudio.testing.web.Browser;
import io.personastudio.testing.web.Bundles;
import io.personastudio.testing.web.Chats;
import io.personastudio.testing.web.InBrowser;
import io.personastudio.testing.web.Pages;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The website in a real headless Chromium: what a visitor does, checked in what the page says. */
class BrowserJourneyIT extends InBrowser {

  @Test
  void aVisitorRegistersSignsOutSignsInAndSeesTheDashboard() {
    Pages site = new Pages(browser, base);
    String email = "browser-" + UUID.randomUUID() + "@example.org";
    browser.get(base + "register.xhtml");
    browser.findElement(By.id("register:email")).sendKeys(email);
    browser.findElement(By.id("register:displayName")).sendKeys("Vera");
    browser.findElement(By.id("register:password")).sendKeys("violet-Sky-42");
    String anonymousSession = sessionId();
    browser.findElement(By.id("register:submit")).click();

    site.arrivesAt("app/dashboard.xhtml");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo(Bundles.text("en", "dashboard.title"));
    assertThat(browser.getPageSource()).contains(Bundles.text("en", "dashboard.empty"));
    assertThat(sessionId()).as("session id changes at sign-in").isNotEqualTo(anonymousSession);
    Cookie cookie = browser.manage().getCookieNamed("JSESSIONID");
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.isSecure()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Lax");

    browser.findElement(By.id("nav:signOut")).click();
    site.arrivesAt("index.xhtml");
    browser.get(base + "app/dashboard.xhtml");
    assertThat(browser.getCurrentUrl()).as("signed out: back to sign-in").contains("signin.xhtml");

    browser.findElement(By.id("signin:email")).sendKeys(email);
    browser.findElement(By.id("signin:password")).sendKeys("violet-Sky-42");
    browser.findElement(By.id("signin:submit")).click();
    site.arrivesAt("app/dashboard.xhtml");
  }

  @Test
  void aPersonaIsCreatedTrainedChattedWithAndDeletedAndChatContentStaysInert() throws Exception {
    Pages site = new Pages(browser, base);
    site.register("Olga");
    String imgPayload = "<img src=x onerror=window.__xss=1>";
    String scriptPayload = "<script>window.__xss=2</script>";
    Path chat =
        writeChat(Chats.whatsApp(imgPayload, "Ana", 240, scriptPayload + " marmalade"), ".txt");

    browser.findElement(By.id("nav:navNew")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo(Bundles.text("en", "wizard.title"));
    browser.findElement(By.id("wizard:file_input")).sendKeys(chat.toString());
    site.waitUntil(
        Duration.ofSeconds(30), () -> site.text(By.id("wizard:participants")).contains("Ana"));
    assertThat(site.text(By.id("wizard:participants")))
        .as("the participant called like a tag is shown as text")
        .contains(imgPayload);
    assertThat(site.injected()).as("picker: the name stayed inert").isNull();

    browser.findElement(By.cssSelector("input[name='wizard:person'][value='Ana']")).click();
    browser.findElement(By.id("wizard:name")).sendKeys("Ana at home");
    browser.findElement(By.id("wizard:start")).click();
    site.waitUntil(
        Duration.ofSeconds(30),
        () -> site.text(By.id("messages")).contains(Bundles.text("en", "wizard.start.noConsent")));
    assertThat(browser.getCurrentUrl()).as("no training without consent").contains("new.xhtml");
    browser.findElement(By.id("wizard:consent")).click();
    browser.findElement(By.id("wizard:start")).click();

    site.arrivesAt("app/training.xhtml");
    String firstRun = runOf(browser.getCurrentUrl());
    site.waitUntil(
        Duration.ofMinutes(5),
        () ->
            site.text(By.id("training:status"))
                .matches(
                    Bundles.text("en", "training.status.COMPLETED")
                        + "|"
                        + Bundles.text("en", "training.status.FAILED")));
    assertThat(site.text(By.id("training:status")))
        .as(site.text(By.id("training:progress")))
        .isEqualTo(Bundles.text("en", "training.status.COMPLETED"));
    assertThat(browser.findElements(By.cssSelector("#training\\:loss canvas")))
        .as("the loss curve is drawn")
        .isNotEmpty();

    assertThat(browser.findElement(By.id("training:openPersona")).isDisplayed()).isTrue();

    browser.findElement(By.id("nav:navDashboard")).click();
    assertThat(site.text(By.id("personas")))
        .contains("Ana at home")
        .contains(Bundles.text("en", "status.READY"));
    browser.findElement(By.id("personas:0:open")).click();
    String personaPage = browser.getCurrentUrl();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ana at home");
    assertThat(site.text(By.id("figures")))
        .contains(Bundles.text("en", "persona.figure.loss.meaning"));
    site.waitUntil(
        Duration.ofSeconds(30),
        () ->
            site.text(By.id("samplesForm:samples"))
                .contains(Bundles.text("en", "persona.sample.1")));
    assertThat(site.injected()).as("persona page: samples stayed inert").isNull();

    browser.findElement(By.id("chat:message")).sendKeys("how is the weather today?");
    browser.findElement(By.id("chat:send")).click();
    site.waitUntil(
        Duration.ofSeconds(30),
        () -> !browser.findElements(By.cssSelector("#chat\\:lines .reply")).isEmpty());
    String reply = browser.findElement(By.cssSelector("#chat\\:lines .reply")).getText();
    assertThat(reply).as("the persona answers").isNotBlank();

    browser.findElement(By.id("chat:message")).sendKeys(scriptPayload + imgPayload);
    browser.findElement(By.id("chat:send")).click();
    site.waitUntil(
        Duration.ofSeconds(30),
        () -> browser.findElements(By.cssSelector("#chat\\:lines .reply")).size() == 2);
    assertThat(site.text(By.id("chat:lines"))).contains(scriptPayload + imgPayload);
    assertThat(site.injected()).as("chat: own message and replies stayed inert").isNull();

    // retrain: a new run starts, and the persona keeps answering with its current model meanwhile
    browser.findElement(By.id("manage:retrain")).click();
    site.arrivesAt("app/training.xhtml");
    String retraining = browser.getCurrentUrl();
    String secondRun = runOf(retraining);
    assertThat(secondRun).as("a new run").isNotEqualTo(firstRun);
    assertThat(site.text(By.id("training:status")))
        .isIn(
            Bundles.text("en", "training.status.QUEUED"),
            Bundles.text("en", "training.status.RUNNING"));
    browser.get(personaPage);
    assertThat(browser.findElement(By.id("progress")).getAttribute("href"))
        .as("the persona page shows the training")
        .contains("run=" + secondRun);
    browser.findElement(By.id("chat:message")).sendKeys("and what about tomorrow?");
    browser.findElement(By.id("chat:send")).click();
    site.waitUntil(
        Duration.ofSeconds(30),
        () -> !browser.findElements(By.cssSelector("#chat\\:lines .reply")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("#chat\\:lines .reply")).getText())
        .as("the persona keeps serving while it retrains")
        .isNotBlank();
    browser.get(retraining);
    site.waitUntil(
        Duration.ofMinutes(5),
        () ->
            site.text(By.id("training:status"))
                .equals(Bundles.text("en", "training.status.COMPLETED")));
    // the held-out evaluation follows the training: its figures appear worded, with verdicts
    String testMessages = en("persona.figure.testCases");
    site.waitUntil(
        Duration.ofMinutes(3),
        () -> {
          browser.get(personaPage);
          return site.text(By.id("figures")).contains(testMessages);
        });
    assertThat(site.text(By.id("figures")))
        .contains(en("persona.figure.hits1of20Style"))
        .contains(en("persona.figure.styleFidelity"))
        .contains("of resamplings of the test messages")
        .doesNotContain("hits1of20Style")
        .doesNotContain("baseline");
    // switching language re-words the figures on the same view
    browser.findElement(By.linkText(en("language.ru"))).click();
    site.waitUntil(
        Duration.ofSeconds(30),
        () -> site.text(By.id("figures")).contains(ru("persona.figure.hits1of20Style")));
    assertThat(site.text(By.id("figures")))
        .contains(ru("persona.figure.testCases"))
        .doesNotContain(en("persona.figure.steps"));
    browser.findElement(By.linkText(ru("language.en"))).click();
    site.waitUntil(
        Duration.ofSeconds(30), () -> site.text(By.id("figures")).contains(testMessages));
    browser.findElement(By.id("nav:navDashboard")).click();
    assertThat(site.text(By.id("personas:0:figures")))
        .as("the dashboard's line about the last training")
        .startsWith("picks the real reply")
        .contains("simple search");
    browser.get(personaPage);

    browser.findElement(By.id("manage:delete")).click();
    // the dialog fades in: clicking before it is shown fails ("element not interactable")
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.elementToBeClickable(By.id("manage:confirmYes")))
        .click();
    site.arrivesAt("app/dashboard.xhtml");
    assertThat(site.text(By.id("personas"))).doesNotContain("Ana at home");
    assertThat(site.text(By.id("personas"))).contains(Bundles.text("en", "dashboard.empty"));

    browser.get(personaPage);
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo(Bundles.text("en", "persona.notFound"));
  }

  @Test
  void theOwnerCancelsARunningTrainingAndThePageStopsAtCancelled() throws Exception {
    Pages site = new Pages(browser, base);
    site.register("Vlad");
    browser.findElement(By.id("nav:navNew")).click();
    browser
        .findElement(By.id("wizard:file_input"))
        .sendKeys(writeChat(Chats.whatsApp("Ben", "Ana", 4000, "marmalade!"), ".txt").toString());
    site.waitUntil(
        Duration.ofSeconds(60), () -> site.text(By.id("wizard:participants")).contains("Ana"));
    browser.findElement(By.cssSelector("input[name='wizard:person'][value='Ana']")).click();
    browser.findElement(By.id("wizard:name")).sendKeys("Long chat");
    browser.findElement(By.id("wizard:consent")).click();
    browser.findElement(By.id("wizard:start")).click();
    site.arrivesAt("app/training.xhtml");

    browser.findElement(By.id("training:cancel")).click();

    // the cancel posts and redirects to the same page: wait for the new one, not the old one
    site.waitUntil(
        Duration.ofSeconds(30),
        () ->
            site.text(By.id("training:status"))
                .equals(Bundles.text("en", "training.status.CANCELLED")));
    assertThat(site.text(By.id("messages"))).contains(Bundles.text("en", "training.cancelled"));
    assertThat(browser.findElements(By.id("training:cancel")))
        .as("nothing left to cancel")
        .isEmpty();
  }

  @Test
  void aFileThatIsNotAChatIsRefusedAndNothingIsKept() throws Exception {
    Pages site = new Pages(browser, base);
    site.register("Pavel");
    Path uploads = Path.of(System.getProperty("persona.it.dir"), "node-data", "uploads");
    long before = filesIn(uploads);

    browser.findElement(By.id("nav:navNew")).click();
    Path notes = writeChat("just some notes\nnot a chat at all\n", ".txt");
    browser.findElement(By.id("wizard:file_input")).sendKeys(notes.toString());
    site.waitUntil(
        Duration.ofSeconds(30),
        () -> site.text(By.id("messages")).contains(Bundles.text("en", "wizard.upload.bad")));
    assertThat(site.text(By.id("messages")))
        .as("the visitor's own file and the position are named, never the server's upload")
        .contains(notes.getFileName().toString() + " (line 1)")
        .doesNotContain("incoming-")
        .doesNotContain(".part");
    assertThat(browser.findElements(By.id("wizard:picker"))).isEmpty();
    assertThat(filesIn(uploads)).as("the refused upload is deleted").isEqualTo(before);

    browser.findElement(By.id("nav:navDashboard")).click();
    assertThat(site.text(By.id("personas"))).contains(Bundles.text("en", "dashboard.empty"));
  }

  @Test
  void someoneElsesPersonaAndRunAreNotFoundLikeMissingOnes() throws Exception {
    Api ana = Api.newUser(server, "Ana");
    HttpResponse<String> created =
        ana.upload(
            "api/v1/personas",
            Map.of("name", "Ana's persona", "person", "Ana", "consent", "true"),
            "chat.txt",
            Chats.whatsApp("Ben", "Ana", 60, "marmalade!"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String persona = Api.field(created.body(), "id");
    String run = Api.field(created.body(), "trainingRun");

    Pages site = new Pages(browser, base);
    site.register("Boris");
    String notFound = Bundles.text("en", "persona.notFound");
    site.open("app/persona.xhtml?id=" + persona);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(notFound);
    assertThat(browser.getPageSource()).doesNotContain("Ana's persona");
    site.open("app/persona.xhtml?id=" + UUID.randomUUID());
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(notFound);
    site.open("app/persona.xhtml?id=not-an-id");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(notFound);

    site.open("app/training.xhtml?run=" + run);
    assertThat(site.text(By.id("notFound"))).isEqualTo(Bundles.text("en", "training.notFound"));
    assertThat(browser.findElements(By.id("training:status"))).isEmpty();
  }

  @Test
  void aLinkWithoutTheSessionsTokenOpensNoSignedInPageButTheBookmarkableDashboard() {
    Pages site = new Pages(browser, base);
    site.register("Nina");
    site.arrivesAt("app/dashboard.xhtml");
    String dashboard = Bundles.text("en", "dashboard.title");
    for (String forged :
        List.of(
            "app/new.xhtml",
            "app/account.xhtml",
            "app/persona.xhtml?id=" + UUID.randomUUID(),
            "app/training.xhtml?run=" + UUID.randomUUID(),
            "app/tokens.xhtml?persona=" + UUID.randomUUID())) {
      browser.get(base + forged);
      site.arrivesAt("app/dashboard.xhtml");
      assertThat(browser.findElement(By.tagName("h1")).getText()).as(forged).isEqualTo(dashboard);
      assertThat(browser.findElements(By.id("wizard"))).as(forged).isEmpty();
    }
    browser.get(base + "app/dashboard.xhtml"); // a bookmark: no token in the address
    assertThat(browser.getCurrentUrl()).doesNotContain("jakarta.faces.Token");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(dashboard);
    site.open("app/account.xhtml");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .as("a page opened through the site's own link, with the session's token")
        .isEqualTo(Bundles.text("en", "account.title"));
  }

  @Test
  void aRussianBrowserGetsTheRussianSiteAndCanSwitchLanguage() throws Exception {
    browser.quit();
    browser = Browser.start("ru");
    Pages site = new Pages(browser, base);

    browser.get(base + "index.xhtml");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
    assertThat(heading()).isEqualTo(ru("landing.headline"));
    assertThat(browser.findElement(By.id("start")).getText()).isEqualTo(ru("landing.start"));

    browser.findElement(By.id("nav:navSignIn")).click();
    site.arrivesAt("signin.xhtml");
    assertThat(browser.findElement(By.id("signin:submit")).getText())
        .isEqualTo(ru("signin.submit"));

    browser.get(base + "register.xhtml");
    assertThat(browser.findElement(By.id("register:passwordRules")).getText())
        .isEqualTo(
            new MessageFormat(ru("register.passwordRules"), Locale.forLanguageTag("ru"))
                .format(new Object[] {PasswordPolicy.MIN_LENGTH}));
    browser
        .findElement(By.id("register:email"))
        .sendKeys("irina-" + UUID.randomUUID() + "@example.org");
    browser.findElement(By.id("register:displayName")).sendKeys("Ирина");
    browser.findElement(By.id("register:password")).sendKeys(Pages.PASSWORD);
    browser.findElement(By.id("register:submit")).click();
    site.arrivesAt("app/dashboard.xhtml");
    assertThat(heading()).isEqualTo(ru("dashboard.title"));
    assertThat(site.text(By.id("personas"))).contains(ru("dashboard.empty"));
    assertThat(browser.findElement(By.id("nav:navAccount")).getText()).isEqualTo(ru("nav.account"));

    browser.findElement(By.linkText(ru("language.en"))).click();
    site.waitUntil(
        Duration.ofSeconds(30), () -> site.text(By.id("nav:navAccount")).equals(en("nav.account")));
    assertThat(site.text(By.id("personas"))).contains(en("dashboard.empty"));
    browser.findElement(By.id("nav:navAccount")).click();
    assertThat(heading()).as("the choice holds on the next page").isEqualTo(en("account.title"));

    browser.findElement(By.linkText(en("language.ru"))).click();
    site.waitUntil(Duration.ofSeconds(30), () -> heading().equals(ru("account.title")));
  }

  private String heading() {
    return new Pages(browser, base).text(By.tagName("h1"));
  }

  private static String ru(String key) {
    return Bundles.text("ru", key);
  }

  private static String en(String key) {
    return Bundles.text("en", key);
  }

  private static String runOf(String url) {
    Matcher run = Pattern.compile("run=([0-9a-f-]{36})").matcher(url);
    assertThat(run.find()).as(url).isTrue();
    return run.group(1);
  }

  private static Path writeChat(String content, String suffix) throws IOException {
    Path file = Files.createTempFile("browser-chat-", suffix);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    file.toFile().deleteOnExit();
    return file;
  }

  private static long filesIn(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.count();
    }
  }

  private String sessionId() {
    Cookie c = browser.manage().getCookieNamed("JSESSIONID");
    return c == null ? null : c.getValue();
  }
}
