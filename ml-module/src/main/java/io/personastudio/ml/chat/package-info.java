/**
 * Chat import: streaming parsers for Telegram Desktop JSON and WhatsApp text exports, format
 * detection and participant statistics. Produces {@link io.personastudio.ml.chat.ChatMessage}s.
 */
package io.personastudio.ml.chat;
