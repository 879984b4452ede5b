package io.personastudio.infrastructure.telegram;

import io.personastudio.application.token.AccessTokenService;
import io.personastudio.application.token.TokenGrant;
import io.personastudio.bot.port.Binding;
import io.personastudio.bot.port.Claim;
import io.personastudio.bot.port.PersonaDirectory;
import io.personastudio.bot.port.PersonaRef;
import io.personastudio.bot.port.Standing;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;

/** The website's access tokens as the bot sees them. */
@ApplicationScoped
public class TokenPersonaDirectory implements PersonaDirectory {

  @Inject AccessTokenService tokens;

  @Resource(lookup = "jdbc/persona")
  DataSource db;

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
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT revoked_at, expires_at FROM access_token t"
                    + " JOIN persona p ON p.id=t.persona_id WHERE t.id=?")) {
      q.setObject(1, UUID.fromString(accessTokenId));
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return Standing.DELETED;
        }
        if (rs.getObject(1) != null) {
          return Standing.REVOKED;
        }
        OffsetDateTime expires = rs.getObject(2, OffsetDateTime.class);
        return expires != null && !expires.isAfter(OffsetDateTime.now())
            ? Standing.EXPIRED
            : Standing.ACTIVE;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading a token's standing failed", e);
    }
  }

  /** The id of the token just redeemed; only its hash is stored, so look it up by that. */
  private String tokenId(String accessToken, UUID persona) {
    try (Connection c = db.getConnection();
        PreparedStatement q =
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
    } catch (SQLException e) {
      throw new IllegalStateException("reading a token's id failed", e);
    }
  }

  private static Claim.Refusal refusal(String why) {
    try {
      return Claim.Refusal.valueOf(why);
    } catch (IllegalArgumentException | NullPointerException e) {
      return Claim.Refusal.UNKNOWN;
    }
  }
}
