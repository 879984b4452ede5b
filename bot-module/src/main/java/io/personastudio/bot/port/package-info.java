/**
 * Ports the server implements for the bot: who a token belongs to, which personas a chat is bound
 * to, what was said, how a persona replies, and which updates were already handled. Plain Java, no
 * Telegram and no Jakarta EE types; in-memory versions live in the tests only.
 */
package io.personastudio.bot.port;
