/**
 * The Telegram adapter: translates {@code Update}s into conversation messages, delivers replies
 * within Telegram's limits ({@link io.personastudio.bot.telegram.TelegramGateway}), polls for
 * updates with a persisted offset and a watchdog. Telegram library types stay in this package.
 */
package io.personastudio.bot.telegram;
