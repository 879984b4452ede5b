package io.personastudio.bot.conversation;

import java.util.Locale;

/** The languages the bot speaks; anything else gets English. */
public enum Language {
  EN(Locale.ENGLISH),
  RU(Locale.forLanguageTag("ru"));

  private final Locale locale;

  Language(Locale locale) {
    this.locale = locale;
  }

  public Locale locale() {
    return locale;
  }

  /** From Telegram's IETF {@code language_code} ("ru", "ru-RU", "en-GB", null). */
  public static Language fromCode(String languageCode) {
    if (languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("ru")) {
      return RU;
    }
    return EN;
  }
}
