package io.personastudio.bot.port;

/** Access tokens as the website issued them (stored hashed on the server). */
public interface PersonaDirectory {

  /**
   * Resolves a token presented in Telegram and binds it to the first Telegram user who presents it;
   * the same user may present it again, any other user is refused with {@link Claim.Refusal#TAKEN}.
   */
  Claim claim(String accessToken, long telegramUserId);

  /** The current standing of a token bound earlier (revoked, expired, persona deleted...). */
  Standing standing(String accessTokenId);
}
