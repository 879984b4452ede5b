package io.personastudio.interfaces.web;

import io.personastudio.application.persona.PersonaService;
import io.personastudio.application.persona.PersonaView;
import io.personastudio.application.training.TrainingRuns;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The signed-in account's personas with their status and their last training's figures. */
@Named("dashboard")
@RequestScoped
public class Dashboard {

  @Inject PersonaService personas;
  @Inject TrainingRuns runs;
  @Inject CurrentAccount account;

  private List<PersonaView> list;
  private final Map<UUID, String> figures = new HashMap<>();

  @PostConstruct
  void load() {
    list = personas.list(account.id());
    for (PersonaView p : list) {
      figures.put(
          p.id(), runs.lastCompleted(account.id(), p.id()).map(PersonaFigures::summary).orElse(""));
    }
  }

  /** Per persona id: its last finished training's figures in one line, or "". */
  public Map<UUID, String> getFigures() {
    return figures;
  }

  public List<PersonaView> getPersonas() {
    return list;
  }
}
