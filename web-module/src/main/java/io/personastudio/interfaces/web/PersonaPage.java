package io.personastudio.interfaces.web;

import io.personastudio.application.chat.PersonaRuntime;
import io.personastudio.application.persona.PersonaService;
import io.personastudio.application.persona.PersonaView;
import io.personastudio.application.training.LossPoint;
import io.personastudio.application.training.RunView;
import io.personastudio.application.training.TrainingRuns;
import io.personastudio.domain.DomainException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A persona's page: status, figures, sample replies, the web chat (the bot's runtime, the last
 * turns as context), retrain and delete. Only the owner finds it; anyone else gets "not found".
 */
@Named("personaPage")
@ViewScoped
public class PersonaPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Lines of the conversation the persona sees when it answers. */
  static final int CONTEXT_LINES = 6;

  /** Lines the page keeps and shows. */
  static final int SHOWN_LINES = 40;

  static final int MAX_MESSAGE = 2000;

  @Inject PersonaService personas;
  @Inject TrainingRuns runs;
  @Inject PersonaRuntime runtime;
  @Inject CurrentAccount account;

  private String id;
  private UUID personaId;
  private final List<ChatLine> chat = new ArrayList<>();
  private List<ChatLine> samples;
  private String message;

  private transient Optional<PersonaView> persona;
  private transient Optional<RunView> run;
  private transient Optional<RunView> finished;
  private transient List<LossPoint> curve;

  /** The view action: resolves the id once per view; a missing or foreign id is "not found". */
  public void load() {
    personaId = Ids.parse(id).orElse(null);
    if (persona().isEmpty()) {
      Ids.answerNotFound();
    }
  }

  private Optional<PersonaView> persona() {
    if (persona == null) {
      persona = personaId == null ? Optional.empty() : personas.find(account.id(), personaId);
    }
    return persona;
  }

  private Optional<RunView> run() {
    if (run == null) {
      run = persona().map(PersonaView::trainingRun).flatMap(r -> runs.view(account.id(), r));
    }
    return run;
  }

  /** Sends the owner's message and shows the persona's answer; a refusal becomes a message. */
  public void send() {
    String text = message == null ? "" : message.strip();
    if (text.isEmpty()) {
      Texts.error("chat.empty");
      return;
    }
    if (text.length() > MAX_MESSAGE) {
      Texts.error("chat.tooLong", MAX_MESSAGE);
      return;
    }
    List<String> context = new ArrayList<>();
    chat.subList(Math.max(0, chat.size() - (CONTEXT_LINES - 1)), chat.size())
        .forEach(l -> context.add(l.text()));
    context.add(text);
    try {
      String reply = runtime.reply(account.id(), personaId, context);
      chat.add(new ChatLine(true, text));
      chat.add(new ChatLine(false, reply));
      message = null;
    } catch (DomainException e) {
      Texts.add(FacesMessage.SEVERITY_ERROR, Texts.get("error." + e.kind().name()), e.getMessage());
    }
    while (chat.size() > SHOWN_LINES) {
      chat.remove(0);
    }
  }

  public void forget() {
    chat.clear();
  }

  public String retrain() {
    PersonaView queued = personas.retrain(account.id(), personaId);
    return "/app/training.xhtml?faces-redirect=true&run=" + queued.trainingRun();
  }

  /** Deletes the persona with everything that belongs to it, then back to the dashboard. */
  public String delete() {
    String name = persona().map(PersonaView::name).orElse("");
    personas.delete(account.id(), personaId);
    Texts.info("persona.deleted", name);
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return "/app/dashboard.xhtml?faces-redirect=true";
  }

  /** A few answers to everyday openers, made once per visit when the persona has a model. */
  private List<ChatLine> sampleReplies() {
    List<ChatLine> lines = new ArrayList<>();
    if (!isReady()) {
      return lines;
    }
    for (String key : List.of("persona.sample.1", "persona.sample.2", "persona.sample.3")) {
      String prompt = Texts.get(key);
      try {
        String reply = runtime.reply(account.id(), personaId, List.of(prompt));
        lines.add(new ChatLine(true, prompt));
        lines.add(new ChatLine(false, reply));
      } catch (DomainException e) {
        // a sample that times out is left out; the chat below still works
      }
    }
    return lines;
  }

  /**
   * Made once per view, when the page's deferred panel first asks (after the page has loaded), so
   * the model's answers never slow the page itself.
   */
  public List<ChatLine> getSamples() {
    if (samples == null) {
      samples = sampleReplies();
    }
    return samples;
  }

  public boolean isFound() {
    return persona().isPresent();
  }

  public PersonaView getPersona() {
    return persona().orElse(null);
  }

  public RunView getRun() {
    return run().orElse(null);
  }

  /** The persona has a model to answer with (a retrain keeps the old one answering). */
  public boolean isReady() {
    return persona().map(p -> p.status().equals("READY")).orElse(false)
        || run().map(r -> r.status().equals("COMPLETED")).orElse(false);
  }

  public boolean isTraining() {
    return run()
        .map(r -> r.status().equals("QUEUED") || r.status().equals("RUNNING"))
        .orElse(false);
  }

  /**
   * The figures of the newest finished training: those of the model that answers now. The run and
   * its loss curve are read once per view; the words every time, in the view's current language.
   */
  public List<PersonaFigures.Figure> getFigures() {
    if (finished == null) {
      finished = persona().flatMap(p -> runs.lastCompleted(account.id(), p.id()));
      curve = finished.map(r -> runs.lossHistory(account.id(), r.id())).orElse(List.of());
    }
    return finished.map(r -> PersonaFigures.of(r, curve)).orElse(List.of());
  }

  public List<ChatLine> getChat() {
    return chat;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
