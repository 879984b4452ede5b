package io.personastudio.interfaces.web.tokens;

import io.personastudio.application.persona.PersonaService;
import io.personastudio.application.persona.PersonaView;
import io.personastudio.application.token.AccessTokenService;
import io.personastudio.application.token.CreatedToken;
import io.personastudio.application.token.TokenView;
import io.personastudio.interfaces.web.CurrentAccount;
import io.personastudio.interfaces.web.Texts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tokens of one persona ({@code ?persona=<id>}, the owner's only). Request scoped on purpose: a
 * new token's secret lives in the one response that shows it, never in the session or the view
 * state, so a reload cannot show it again.
 */
@Named("tokens")
@RequestScoped
public class TokensPage {

  @Inject AccessTokenService tokens;
  @Inject PersonaService personas;
  @Inject CurrentAccount account;
  @Inject TelegramLink telegram;

  private String personaParam;
  private PersonaView persona;
  private boolean resolved;
  private List<TokenView> list;
  private String label;
  private LocalDate expiresOn;
  private Created created;

  /** What the page shows once after creating a token. */
  public record Created(String secret, String deepLink, String qr) {}

  /** The view action: the persona must be the caller's, else the page says it is not found. */
  public void open() {
    if (persona() == null) {
      Texts.error("tokens.noPersona");
    }
  }

  public void create() {
    PersonaView persona = persona();
    if (persona == null) {
      return;
    }
    // the token lasts through the chosen day (UTC)
    OffsetDateTime expiresAt =
        expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    CreatedToken token = tokens.create(account.id(), persona.id(), label, expiresAt);
    String link = telegram.deepLink(token.token());
    created = new Created(token.token(), link, TelegramLink.qrDataUri(link));
    label = null;
    expiresOn = null;
    list = null;
    Texts.info("tokens.created");
  }

  public void revoke(UUID tokenId) {
    tokens.revoke(account.id(), tokenId);
    list = null;
    Texts.info("tokens.revoked");
  }

  public List<TokenView> getList() {
    if (list == null) {
      list = persona() == null ? List.of() : tokens.list(account.id(), persona().id());
    }
    return list;
  }

  /** The persona of the query parameter when the caller owns it, else null; looked up once. */
  private PersonaView persona() {
    if (!resolved) {
      persona = personaId().flatMap(id -> personas.find(account.id(), id)).orElse(null);
      resolved = true;
    }
    return persona;
  }

  private Optional<UUID> personaId() {
    // on a postback the page's parts ask before the view parameter is applied: the forms carry it
    String raw =
        personaParam != null
            ? personaParam
            : FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("persona");
    try {
      return Optional.ofNullable(raw).map(UUID::fromString);
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  public PersonaView getPersona() {
    return persona();
  }

  public Created getCreated() {
    return created;
  }

  public String getPersonaParam() {
    return personaParam;
  }

  public void setPersonaParam(String personaParam) {
    this.personaParam = personaParam;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public LocalDate getExpiresOn() {
    return expiresOn;
  }

  public void setExpiresOn(LocalDate expiresOn) {
    this.expiresOn = expiresOn;
  }

  public LocalDate getTomorrow() {
    return LocalDate.now(ZoneOffset.UTC).plusDays(1);
  }
}
