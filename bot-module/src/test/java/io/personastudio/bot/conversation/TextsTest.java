package io.personastudio.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TextsTest {

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = TextsTest.class.getResourceAsStream(name)) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void russianAndEnglishHaveTheSameKeys() throws IOException {
    assertThat(load("messages_ru.properties").keySet())
        .containsExactlyInAnyOrderElementsOf(load("messages.properties").keySet());
  }

  @Test
  void picksRussianForRussianLanguageCodesAndEnglishOtherwise() {
    assertThat(Language.fromCode("ru")).isEqualTo(Language.RU);
    assertThat(Language.fromCode("ru-RU")).isEqualTo(Language.RU);
    assertThat(Language.fromCode("de")).isEqualTo(Language.EN);
    assertThat(Language.fromCode(null)).isEqualTo(Language.EN);
    assertThat(Texts.of(Language.RU).get("text-only")).startsWith("Извините");
    assertThat(Texts.of(Language.EN).get("token.refused.revoked")).contains("persona's owner");
  }
}
