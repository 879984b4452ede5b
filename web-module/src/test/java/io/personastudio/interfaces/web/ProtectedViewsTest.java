package io.personastudio.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every signed-in page (each carries forms) is a JSF protected view, so a forged link cannot open
 * it — except the dashboard, where sign-in lands and which users bookmark.
 */
class ProtectedViewsTest {

  private static final Path WEBAPP = Path.of("src/main/webapp");
  private static final String DASHBOARD = "/app/dashboard.xhtml";
  private static final Pattern PROTECTED = Pattern.compile("<url-pattern>([^<]+)</url-pattern>");

  @Test
  void everySignedInPageIsProtected() throws IOException {
    // the layout's navigation (sign out, language) is a form on every page
    assertThat(Files.readString(WEBAPP.resolve("WEB-INF/templates/layout.xhtml")))
        .contains("<h:form");
    Set<String> signedIn = new TreeSet<>();
    for (Path page : signedInPages()) {
      assertThat(Files.readString(page))
          .as(page.toString())
          .contains("/WEB-INF/templates/layout.xhtml");
      signedIn.add("/" + WEBAPP.relativize(page).toString().replace('\\', '/'));
    }
    assertThat(signedIn).as("the signed-in pages").hasSizeGreaterThanOrEqualTo(6);
    assertThat(signedIn.remove(DASHBOARD)).isTrue();
    assertThat(protectedViews()).containsAll(signedIn).doesNotContain(DASHBOARD);
    // a refused link goes somewhere useful, not to an error page
    assertThat(Files.readString(WEBAPP.resolve("WEB-INF/web.xml")))
        .contains("<location>/protected-link</location>");
  }

  private static Set<String> protectedViews() throws IOException {
    String config = Files.readString(WEBAPP.resolve("WEB-INF/faces-config.xml"));
    String block =
        config.substring(config.indexOf("<protected-views>"), config.indexOf("</protected-views>"));
    Set<String> views = new TreeSet<>();
    Matcher m = PROTECTED.matcher(block);
    while (m.find()) {
      views.add(m.group(1));
    }
    return views;
  }

  private static List<Path> signedInPages() throws IOException {
    try (Stream<Path> files = Files.walk(WEBAPP.resolve("app"))) {
      return files.filter(p -> p.toString().endsWith(".xhtml")).toList();
    }
  }
}
