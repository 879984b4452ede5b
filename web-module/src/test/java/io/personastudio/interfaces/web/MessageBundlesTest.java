package io.personastudio.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.domain.account.PasswordPolicy;
import io.personastudio.testing.web.Bundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No hard-coded UI text: every page text comes from the bundles, and both languages say it all. */
class MessageBundlesTest {

  private static final Path PAGES = Path.of("src/main/webapp");
  private static final Pattern KEY = Pattern.compile("msg\\['([a-zA-Z0-9_.]+)'\\]");
  private static final Pattern TEXT_BETWEEN_TAGS = Pattern.compile(">([^<]+)<");
  private static final Pattern SHOWN_ATTRIBUTE =
      Pattern.compile(
          "\\s(value|headerText|title|label|placeholder|emptyMessage|requiredMessage|promptLabel"
              + "|weakLabel|goodLabel|strongLabel|itemLabel|message|header|alt)=\"([^\"]*)\"");

  @Test
  void englishAndRussianHaveTheSameKeys() {
    assertThat(new TreeSet<>(Bundles.of("ru").stringPropertyNames()))
        .isEqualTo(new TreeSet<>(Bundles.of("en").stringPropertyNames()));
  }

  @Test
  void everyKeyAPageUsesExists() throws IOException {
    Set<String> known = Bundles.of("en").stringPropertyNames();
    List<String> missing = new ArrayList<>();
    for (Path page : pages()) {
      Matcher m = KEY.matcher(Files.readString(page));
      while (m.find()) {
        if (!known.contains(m.group(1))) {
          missing.add(page + ": " + m.group(1));
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void pagesShowNoHardCodedText() throws IOException {
    List<String> hardCoded = new ArrayList<>();
    for (Path page : pages()) {
      String xhtml =
          Files.readString(page)
              .replaceAll("(?s)<!--.*?-->", "")
              .replaceAll("(?s)<script.*?</script>", "");
      Matcher text = TEXT_BETWEEN_TAGS.matcher(xhtml);
      while (text.find()) {
        String t = text.group(1).replaceAll("#\\{[^}]*\\}", "").replaceAll("[\\s·|:/()—-]", "");
        if (!t.isEmpty()) {
          hardCoded.add(page + ": " + text.group(1).strip());
        }
      }
      Matcher attribute = SHOWN_ATTRIBUTE.matcher(xhtml);
      while (attribute.find()) {
        String v = attribute.group(2);
        if (!v.isBlank() && !v.contains("#{") && !v.matches("[0-9.]+|true|false|[a-z]+:.*")) {
          hardCoded.add(page + ": " + attribute.group(1) + "=\"" + v + "\"");
        }
      }
    }
    assertThat(hardCoded).isEmpty();
  }

  @Test
  void noPageSwitchesOffEscaping() throws IOException {
    for (Path page : pages()) {
      assertThat(Files.readString(page)).as(page.toString()).doesNotContain("escape=\"false\"");
    }
  }

  @Test
  void thePasswordRulesStateTheLengthThePolicyEnforces() throws IOException {
    String minLength = String.valueOf(PasswordPolicy.MIN_LENGTH);
    for (String language : List.of("en", "ru")) {
      String rules = Bundles.text(language, "register.passwordRules");
      assertThat(rules).as(language).contains("{0}");
      assertThat(rules.replace("{0}", ""))
          .as(language + ": a parameter, not a copied figure")
          .doesNotContainPattern("\\d");
      assertThat(
              new MessageFormat(rules, Locale.forLanguageTag(language))
                  .format(new Object[] {PasswordPolicy.MIN_LENGTH}))
          .as(language)
          .contains(" " + minLength + " ");
    }
    assertThat(Files.readString(PAGES.resolve("register.xhtml")))
        .containsPattern(
            "(?s)<h:outputFormat[^>]*register\\.passwordRules[^>]*>\\s*<f:param value=\"#\\{passwordRules\\.minLength\\}\"");
    assertThat(new PasswordRules().getMinLength()).isEqualTo(PasswordPolicy.MIN_LENGTH);
  }

  private static List<Path> pages() throws IOException {
    try (Stream<Path> files = Files.walk(PAGES)) {
      return files.filter(p -> p.toString().endsWith(".xhtml")).toList();
    }
  }
}
