/**
 * A fake Telegram Bot API server for tests, benchmarks and demos without a real bot token: a real
 * HTTP server on 127.0.0.1 with long polling, rate limits, fault injection and a record of what the
 * bot sent. Not used in production.
 */
package io.personastudio.bot.fake;
