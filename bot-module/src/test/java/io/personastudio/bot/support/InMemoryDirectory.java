package io.personastudio.bot.support;

import io.personastudio.bot.port.Binding;
import io.personastudio.bot.port.Claim;
import io.personastudio.bot.port.PersonaDirectory;
import io.personastudio.bot.port.PersonaRef;
import io.personastudio.bot.port.Standing;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens in a map; the first user to claim one owns it. */
public final class InMemoryDirectory implements PersonaDirectory {

  private record Entry(String tokenId, PersonaRef persona) {}

  private final Map<String, Entry> byToken = new ConcurrentHashMap<>();
  private final Map<String, Standing> standing = new ConcurrentHashMap<>();
  private final Map<String, Long> owner = new ConcurrentHashMap<>();

  /** Issues a token for a persona; returns the token. */
  public String issue(String token, String personaId, String personaName) {
    String tokenId = "tok-" + byToken.size();
    byToken.put(token, new Entry(tokenId, new PersonaRef(personaId, personaName)));
    standing.put(tokenId, Standing.ACTIVE);
    return token;
  }

  public void setStanding(String token, Standing value) {
    standing.put(byToken.get(token).tokenId(), value);
  }

  @Override
  public Claim claim(String accessToken, long telegramUserId) {
    Entry entry = byToken.get(accessToken);
    if (entry == null) {
      return Claim.refused(Claim.Refusal.UNKNOWN);
    }
    switch (standing.get(entry.tokenId())) {
      case REVOKED:
        return Claim.refused(Claim.Refusal.REVOKED);
      case EXPIRED:
        return Claim.refused(Claim.Refusal.EXPIRED);
      case DELETED:
        return Claim.refused(Claim.Refusal.DELETED);
      default:
        break;
    }
    long first = owner.computeIfAbsent(entry.tokenId(), id -> telegramUserId);
    if (first != telegramUserId) {
      return Claim.refused(Claim.Refusal.TAKEN);
    }
    return Claim.granted(new Binding(entry.persona(), entry.tokenId()));
  }

  @Override
  public Standing standing(String accessTokenId) {
    return standing.getOrDefault(accessTokenId, Standing.DELETED);
  }
}
