package io.personastudio.interfaces.web;

import io.personastudio.application.persona.NewPersona;
import io.personastudio.application.persona.PersonaService;
import io.personastudio.application.persona.PersonaView;
import io.personastudio.domain.DomainException;
import io.personastudio.infrastructure.config.StudioConfig;
import jakarta.annotation.PreDestroy;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The new-persona wizard: an upload is checked and its participants shown at once; the persona is
 * only created (and the file kept) when the owner starts the training with consent given.
 */
@Named("wizard")
@ViewScoped
public class NewPersonaWizard implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PersonaService personas;
  @Inject UploadFolder uploads;
  @Inject StudioConfig config;
  @Inject CurrentAccount account;

  private String upload;
  private String fileName;
  private List<ParticipantRow> participants = List.of();
  private String person;
  private String name;
  private boolean scrub = true;
  private boolean consent;

  /** A new file replaces the previous one; a file that is not a chat is refused and deleted. */
  public void upload(FileUploadEvent event) {
    discard();
    UploadedFile file = event.getFile();
    Path stored;
    try (InputStream content = file.getInputStream()) {
      stored = uploads.store(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      if (Files.size(stored) > config.maxUploadBytes()) {
        uploads.delete(stored);
        Texts.error("wizard.upload.tooLarge", megabytes());
        return;
      }
      List<ParticipantRow> found =
          personas.participants(stored, file.getFileName()).stream()
              .map(ParticipantRow::of)
              .toList();
      if (found.isEmpty()) {
        uploads.delete(stored);
        Texts.error("wizard.upload.empty");
        return;
      }
      upload = stored.toString();
      fileName = file.getFileName();
      participants = found;
      Texts.info("wizard.upload.done", found.size());
    } catch (DomainException e) {
      uploads.delete(stored);
      Texts.add(FacesMessage.SEVERITY_ERROR, Texts.get("wizard.upload.bad"), e.getMessage());
    } catch (IOException e) {
      uploads.delete(stored);
      throw new UncheckedIOException(e);
    }
  }

  /** Creates the persona and queues its training; the owner watches it on the training page. */
  public String start() {
    if (upload == null || !Files.exists(Path.of(upload))) {
      reset();
      Texts.error("wizard.start.noFile");
      return null;
    }
    if (!consent) {
      Texts.error("wizard.start.noConsent");
      return null;
    }
    if (person == null || participants.stream().noneMatch(p -> p.name().equals(person))) {
      Texts.error("wizard.start.noPerson");
      return null;
    }
    PersonaView created;
    try {
      created =
          personas.create(
              account.id(),
              new NewPersona(name, person, scrub, consent),
              Path.of(upload),
              fileName);
    } catch (DomainException e) {
      reset(); // the service deletes a refused upload
      Texts.add(FacesMessage.SEVERITY_ERROR, Texts.get("error." + e.kind().name()), e.getMessage());
      return null;
    }
    upload = null;
    return "/app/training.xhtml?faces-redirect=true&run=" + created.trainingRun();
  }

  @PreDestroy
  void discard() {
    if (upload != null) {
      uploads.delete(Path.of(upload));
    }
    reset();
  }

  private void reset() {
    upload = null;
    fileName = null;
    participants = List.of();
    person = null;
  }

  public boolean isUploaded() {
    return upload != null;
  }

  public long getMaxUploadBytes() {
    return config.maxUploadBytes();
  }

  public long megabytes() {
    return config.maxUploadBytes() / (1024 * 1024);
  }

  /** Messages per participant, for the picker's chart. */
  public String getChart() {
    return ChartJson.bars(
        Texts.get("wizard.chart.messages"),
        participants.stream().map(ParticipantRow::name).toList(),
        participants.stream().map(ParticipantRow::messages).toList());
  }

  public List<ParticipantRow> getParticipants() {
    return participants;
  }

  public String getFileName() {
    return fileName;
  }

  public String getPerson() {
    return person;
  }

  public void setPerson(String person) {
    this.person = person;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isScrub() {
    return scrub;
  }

  public void setScrub(boolean scrub) {
    this.scrub = scrub;
  }

  public boolean isConsent() {
    return consent;
  }

  public void setConsent(boolean consent) {
    this.consent = consent;
  }
}
