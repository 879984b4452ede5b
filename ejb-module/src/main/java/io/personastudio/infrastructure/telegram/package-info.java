/**
 * The Telegram bot inside the server: the bot-module's ports over PostgreSQL and the application
 * services, and {@link io.personastudio.infrastructure.telegram.ManagedTelegramBot}, which runs the
 * bot on container-managed threads (long polling on one node under a cluster-wide lock, or fed by
 * the webhook endpoint).
 *
 * <p>The JDBC ports ({@code Jdbc*}, {@link
 * io.personastudio.infrastructure.telegram.TokenPersonaDirectory}) are CDI beans, not EJBs: they
 * join whatever transaction the calling thread has — the update's, begun by {@link
 * io.personastudio.infrastructure.telegram.JtaTransactions} — and the poller's offset calls run
 * without one (one statement each, autocommit). As stateless EJBs the container's per-call work
 * (bean pool, interceptors, transaction attribute) cost about as much CPU as their queries.
 */
package io.personastudio.infrastructure.telegram;
