/**
 * The conversation: commands, token binding, persona replies, texts in the user's language. Sees
 * only its own types and the ports; the Telegram adapter translates updates into {@link
 * io.personastudio.bot.conversation.Inbound} and carries {@link
 * io.personastudio.bot.conversation.ChatOutput} back out.
 */
package io.personastudio.bot.conversation;
