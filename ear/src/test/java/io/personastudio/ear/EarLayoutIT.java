package io.personastudio.ear;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The shipped EAR's layout: the ejb jar is an EJB module once, the WAR is the web module at {@code
 * /} and keeps no jar of its own, libraries sit in {@code lib/}, and no class exists twice.
 */
class EarLayoutIT {

  private static final Path EAR = Path.of(System.getProperty("persona.it.ear"));

  @Test
  void modulesAreDeclaredWithTheRootContext() throws IOException {
    try (ZipFile ear = new ZipFile(EAR.toFile())) {
      String applicationXml = read(ear, "META-INF/application.xml");

      assertThat(applicationXml)
          .contains("<ejb>persona-ejb.jar</ejb>")
          .contains("<web-uri>persona-web.war</web-uri>")
          .contains("<context-root>/</context-root>")
          .contains("<library-directory>lib/</library-directory>");
      assertThat(ear.getEntry("persona-ejb.jar")).isNotNull();
      assertThat(ear.getEntry("persona-web.war")).isNotNull();
      assertThat(ear.stream().map(ZipEntry::getName))
          .anyMatch(n -> n.startsWith("lib/") && n.contains("flyway-core"));
    }
  }

  @Test
  void everyClassExistsOnce() throws IOException {
    Map<String, List<String>> places = new HashMap<>();
    try (ZipFile ear = new ZipFile(EAR.toFile())) {
      for (ZipEntry entry : ear.stream().toList()) {
        String name = entry.getName();
        if (name.endsWith(".jar") || name.endsWith(".war")) {
          try (InputStream in = ear.getInputStream(entry)) {
            collectClasses(name, in.readAllBytes(), places);
          }
        }
      }
    }
    List<String> twice = new ArrayList<>();
    places.forEach(
        (type, where) -> {
          if (where.size() > 1) {
            twice.add(type + " in " + where);
          }
        });

    assertThat(places).containsKey("io/personastudio/application/account/AccountService.class");
    assertThat(places.get("io/personastudio/application/account/AccountService.class"))
        .containsExactly("persona-ejb.jar");
    assertThat(twice).as("classes packaged more than once").isEmpty();
  }

  /** Classes of one archive, descending into a WAR's WEB-INF/lib jars. */
  private static void collectClasses(String where, byte[] archive, Map<String, List<String>> out)
      throws IOException {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        String name = e.getName();
        if (name.endsWith(".jar")) {
          collectClasses(where + "!/" + name, zip.readAllBytes(), out);
        } else if (name.endsWith(".class")
            && !name.endsWith("module-info.class")
            && !name.startsWith("META-INF/versions/")) {
          String type = name.startsWith("WEB-INF/classes/") ? name.substring(16) : name;
          out.computeIfAbsent(type, k -> new ArrayList<>()).add(where);
        }
      }
    }
  }

  private static String read(ZipFile zip, String entry) throws IOException {
    try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
