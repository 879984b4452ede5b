package io.personastudio.bot.telegram;

import io.personastudio.bot.port.ChatBindings;
import io.personastudio.bot.port.ConversationMemory;
import io.personastudio.bot.port.PersonaDirectory;
import io.personastudio.bot.port.PersonaReplies;
import io.personastudio.bot.port.ReplyOutbox;
import io.personastudio.bot.port.Transactions;
import io.personastudio.bot.port.UpdateLedger;

/** Everything the server plugs into the bot. */
public record BotPorts(
    PersonaDirectory directory,
    ChatBindings bindings,
    ConversationMemory memory,
    PersonaReplies replies,
    UpdateLedger ledger,
    ReplyOutbox outbox,
    Transactions transactions) {}
