package io.personastudio.bot.telegram;

import io.personastudio.bot.conversation.Inbound;
import io.personastudio.bot.conversation.Language;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** Telegram's {@code Update} into the conversation's {@link Inbound}; the one place both meet. */
final class UpdateTranslator {

  private UpdateTranslator() {}

  /** Empty for updates the bot does not answer (edits, reactions, channel posts, bots). */
  static Optional<Inbound> translate(Update update) {
    if (!update.hasMessage()) {
      return Optional.empty();
    }
    Message message = update.getMessage();
    if (message.getFrom() == null || Boolean.TRUE.equals(message.getFrom().getIsBot())) {
      return Optional.empty();
    }
    long chatId = message.getChatId();
    long userId = message.getFrom().getId();
    Language language = Language.fromCode(message.getFrom().getLanguageCode());
    return Optional.of(
        message.hasText()
            ? Inbound.text(chatId, userId, language, message.getText())
            : Inbound.nonText(chatId, userId, language));
  }
}
