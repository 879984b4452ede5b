/** Telegram's entry into the application: the webhook endpoint (authenticated by its secret). */
package io.personastudio.interfaces.rest.telegram;
