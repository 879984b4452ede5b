/**
 * The Telegram bot inside the server: the bot-module's ports over PostgreSQL and the application
 * services, and {@link io.personastudio.infrastructure.telegram.ManagedTelegramBot}, which runs the
 * bot on container-managed threads (long polling on one node under a cluster-wide lock, or fed by
 * the webhook endpoint).
 */
package io.personastudio.infrastructure.telegram;
