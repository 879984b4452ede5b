package io.personastudio.bot.port;

/** Whether an access token (and the persona behind it) may still be used. */
public enum Standing {
  ACTIVE,
  REVOKED,
  EXPIRED,
  DELETED
}
