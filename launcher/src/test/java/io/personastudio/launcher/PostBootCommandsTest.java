package io.personastudio.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PostBootCommandsTest {

  @Test
  void escapesTheCharactersAsadminUsesAsSeparators() {
    assertThat(PostBootCommands.escape("p:a=s\\s")).isEqualTo("p\\:a\\=s\\\\s");
  }

  @Test
  void oneServerPoolServesJpaAndTheBatchRepository() {
    List<String> commands =
        PostBootCommands.forDatabase(
            new DatabaseSettings("jdbc:postgresql://db:5432/persona?ssl=true", "app", "s3:cr=t"));

    assertThat(commands)
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("create-jdbc-connection-pool")
                    .contains("url=jdbc\\:postgresql\\://db\\:5432/persona?ssl\\=true")
                    .contains("password=s3\\:cr\\=t")
                    .endsWith(" PersonaPool"))
        .contains("create-jdbc-resource --connectionpoolid=PersonaPool jdbc/persona")
        .contains("set-batch-runtime-configuration --datasourcelookupname=jdbc/persona");
  }

  @Test
  void lowersThePoolsRepeatedWarningsBeforeThePoolExists() {
    List<String> commands =
        PostBootCommands.forDatabase(
            new DatabaseSettings("jdbc:postgresql://db/persona", "app", "pw"));

    assertThat(commands.get(0)).startsWith("set-log-levels");
  }
}
