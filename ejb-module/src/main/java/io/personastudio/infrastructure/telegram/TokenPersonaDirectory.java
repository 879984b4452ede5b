package io.personastudio.infrastructure.telegram;

import io.personastudio.application.token.AccessTokenService;
import io.personastudio.application.token.TokenGrant;
import io.personastudio.bot.port.Binding;
import io.personastudio.bot.port.Claim;
import io.personastudio.bot.port.PersonaDirectory;
import io.personastudio.bot.port.PersonaRef;
import io.personastudio.bot.port.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

/** The website's access tokens as the bot sees them. */
@ApplicationScoped
public class TokenPersonaDirectory implements PersonaDirectory {

  @Inject AccessTokenService tokens;

  @Inject TelegramDb db;

  @Override
  public Claim claim(String accessToken, long telegramUserId) {
    TokenGrant grant = tokens.redeem(accessToken, telegramUserId);
    if (!grant.granted()) {
      return Claim.refused(refusal(grant.refusal()));
    }
    UUID persona = grant.personaId().orElseThrow();
    return Claim.granted(
        new Binding(
            new PersonaRef(persona.toString(), grant.personaName().orElse("")),
            tokenId(accessToken, persona)));
  }

  @Override
  public Standing standing(String accessTokenId) {
    return db.with(
        "reading a token's standing failed",
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT t.revoked_at IS NOT NULL, t.expires_at IS NOT NULL AND t.expires_at <="
                      + " now() FROM access_token t JOIN persona p ON p.id=t.persona_id"
                      + " WHERE t.id=?")) {
            q.setObject(1, UUID.fromString(accessTokenId));
            try (ResultSet rs = q.executeQuery()) {
              if (!rs.next()) {
                return Standing.DELETED;
              }
              if (rs.getBoolean(1)) {
                return Standing.REVOKED;
              }
              return rs.getBoolean(2) ? Standing.EXPIRED : Standing.ACTIVE;
            }
          }
        });
  }

  /** The id of the token just redeemed; only its hash is stored, so look it up by that. */
  private String tokenId(String accessToken, UUID persona) {
    return db.with(
        "reading a token's id failed",
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT id FROM access_token WHERE token_hash=sha256(convert_to(?, 'UTF8'))"
                      + " AND persona_id=?")) {
            q.setString(1, accessToken.strip());
            q.setObject(2, persona);
            try (ResultSet rs = q.executeQuery()) {
              if (!rs.next()) {
                throw new IllegalStateException("a granted token has no row");
              }
              return rs.getString(1);
            }
          }
        });
  }

  private static Claim.Refusal refusal(String why) {
    try {
      return Claim.Refusal.valueOf(why);
    } catch (IllegalArgumentException | NullPointerException e) {
      return Claim.Refusal.UNKNOWN;
    }
  }
}
