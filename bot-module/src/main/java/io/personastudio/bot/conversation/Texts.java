package io.personastudio.bot.conversation;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;

/** The bot's texts in one language, from {@code messages*.properties} beside this class. */
public final class Texts {

  static final String BUNDLE = "io.personastudio.bot.conversation.messages";

  /** One per language: looking the bundle up for every message showed in the burst's profile. */
  private static final Map<Language, Texts> BY_LANGUAGE = new EnumMap<>(Language.class);

  static {
    for (Language language : Language.values()) {
      BY_LANGUAGE.put(language, new Texts(language));
    }
  }

  private final ResourceBundle bundle;
  private final Language language;

  private Texts(Language language) {
    this.language = language;
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            language.locale(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public static Texts of(Language language) {
    return BY_LANGUAGE.get(language);
  }

  public String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return new MessageFormat(pattern, language.locale()).format(args);
  }
}
