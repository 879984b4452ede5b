package io.personastudio.launcher.testing;

import io.personastudio.launcher.ContentKeyFile;
import io.personastudio.launcher.DatabaseSettings;
import io.personastudio.launcher.EmbeddedDatabase;
import io.personastudio.launcher.PostBootCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a real PostgreSQL before the first integration test and stops it after the last: an
 * embedded server with a fresh data folder, or the one named by {@code PERSONA_DB_URL}. It writes
 * the post-boot commands that create the server's pool and publishes the connection as system
 * properties {@code persona.it.db.url|user|password} and {@code persona.it.postBootFile}, which
 * {@code arquillian.xml} and the tests read. Active only when {@code persona.it.dir} is set, so
 * unit test runs never start a database.
 */
public class IntegrationDatabase implements LauncherSessionListener {

  public static final String DIR_PROPERTY = "persona.it.dir";

  private EmbeddedDatabase embedded;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String dir = System.getProperty(DIR_PROPERTY);
    if (dir == null) {
      return;
    }
    Path workDir = Path.of(dir);
    DatabaseSettings db =
        DatabaseSettings.fromEnvironment(System.getenv())
            .orElseGet(
                () -> {
                  embedded = EmbeddedDatabase.start(workDir.resolve("postgres"), 0, true);
                  return embedded.settings();
                });
    Path postBoot = workDir.resolve("post-boot.asadmin");
    try {
      Files.write(postBoot, PostBootCommands.forDatabase(db));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.setProperty("persona.it.db.url", db.jdbcUrl());
    System.setProperty("persona.it.db.user", db.user());
    System.setProperty("persona.it.db.password", db.password());
    System.setProperty("persona.it.postBootFile", postBoot.toAbsolutePath().toString());
    System.setProperty("persona.it.contentKeys", ContentKeyFile.fresh());
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
  }
}
