package io.personastudio.bot.telegram;

import io.personastudio.bot.conversation.Language;
import io.personastudio.bot.conversation.Texts;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/** The command menu Telegram shows, in each language the bot speaks. */
final class BotCommands {

  private static final List<String> NAMES =
      List.of("connect", "personas", "switch", "forget", "disconnect", "help");

  private BotCommands() {}

  static SetMyCommands menu(Language language) {
    Texts texts = Texts.of(language);
    List<BotCommand> commands =
        NAMES.stream().map(name -> new BotCommand(name, texts.get("cmd." + name))).toList();
    SetMyCommands.SetMyCommandsBuilder<?, ?> builder = SetMyCommands.builder().commands(commands);
    if (language != Language.EN) {
      builder.languageCode(language.name().toLowerCase(java.util.Locale.ROOT));
    }
    return builder.build();
  }
}
