/** Access tokens: what binds a Telegram chat to a persona; stored only as hashes. */
package io.personastudio.domain.token;
