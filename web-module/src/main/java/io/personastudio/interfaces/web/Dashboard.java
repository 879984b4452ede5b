package io.personastudio.interfaces.web;

import io.personastudio.application.persona.PersonaService;
import io.personastudio.application.persona.PersonaView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The signed-in account's personas with their status. */
@Named("dashboard")
@RequestScoped
public class Dashboard {

  @Inject PersonaService personas;
  @Inject CurrentAccount account;

  private List<PersonaView> list;

  @PostConstruct
  void load() {
    list = personas.list(account.id());
  }

  public List<PersonaView> getPersonas() {
    return list;
  }
}
