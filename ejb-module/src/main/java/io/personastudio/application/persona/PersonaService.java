package io.personastudio.application.persona;

import io.personastudio.application.training.TrainingQueued;
import io.personastudio.domain.DomainException;
import io.personastudio.domain.persona.ChatImport;
import io.personastudio.domain.persona.Persona;
import io.personastudio.domain.persona.UploadConsent;
import io.personastudio.domain.training.TrainingRun;
import io.personastudio.infrastructure.config.StudioConfig;
import io.personastudio.infrastructure.training.SharedUploads;
import io.personastudio.ml.MlException;
import io.personastudio.ml.chat.ChatFormat;
import io.personastudio.ml.chat.ChatImporter;
import io.personastudio.ml.chat.ParticipantStatistics;
import io.personastudio.ml.chat.ZippedExport;
import io.personastudio.ml.dataset.DatasetOptions;
import io.personastudio.ml.dataset.MediaPolicy;
import io.personastudio.ml.dataset.ReplyCounter;
import io.personastudio.ml.model.Hyperparameters;
import io.personastudio.ml.train.PersonaTrainer;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Creates a persona from an uploaded chat and queues its first training. Everything a user can get
 * wrong is checked before anything is written; a refused upload is deleted. The owner's consent is
 * required and recorded with the upload on every path.
 */
@Stateless
public class PersonaService {

  @PersistenceContext(unitName = "persona")
  EntityManager em;

  @Inject StudioConfig config;
  @Inject SharedUploads sharedUploads;

  @Inject Event<TrainingQueued> queued;

  /** Replies the training needs from the person (checked by the trainer too, minutes later). */
  public static final int MIN_REPLIES = PersonaTrainer.MIN_REPLIES;

  /** How the training worker turns the chat into (context, reply) pairs (its defaults). */
  private static final DatasetOptions TRAINING_DATASET =
      new DatasetOptions(
          Duration.ofMinutes(Hyperparameters.defaults().gapMinutes()),
          Hyperparameters.defaults().contextTurns(),
          false,
          MediaPolicy.MARKER);

  private static final SecureRandom SEEDS = new SecureRandom();
  private static final Logger LOG = Logger.getLogger(PersonaService.class.getName());

  public PersonaView create(UUID owner, NewPersona request, Path upload, String fileName) {
    try {
      String name = required(request.name(), "Persona name", 100);
      String person = required(request.person(), "Participant", 200);
      if (!request.consent()) {
        throw DomainException.invalid(
            "Consent is required: confirm (consent=true) that you may use this chat and that the"
                + " person you imitate has agreed to it.");
      }
      ChatFormat format = check(upload, fileName, person);
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
      Persona persona = new Persona(owner, name, person, request.scrub(), now);
      ChatImport chat =
          new ChatImport(persona.id(), format.name(), shortName(fileName), Files.size(upload));
      long seed = request.seed() != null ? request.seed() : SEEDS.nextLong() & Long.MAX_VALUE;
      TrainingRun run = new TrainingRun(persona.id(), owner, seed, now);
      em.persist(persona);
      em.flush(); // ids only, no mapped relations: EclipseLink must not reorder the inserts
      em.persist(chat);
      em.persist(run);
      em.flush();
      em.persist(new UploadConsent(chat.id(), owner, now)); // after its import (no mapped relation)
      em.flush();
      // in the database with the run, for whichever node claims it; here for this node to start on
      sharedUploads.store(chat.id(), upload);
      Files.createDirectories(config.uploads());
      Files.move(upload, uploadOf(chat.id()), StandardCopyOption.ATOMIC_MOVE);
      queued.fire(new TrainingQueued(run.id()));
      return PersonaView.of(persona, run.id());
    } catch (IOException e) {
      deleteQuietly(upload);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      deleteQuietly(upload);
      throw e;
    }
  }

  /** The persona if it exists and belongs to the account; the same answer otherwise. */
  public Optional<PersonaView> find(UUID owner, UUID id) {
    return Optional.ofNullable(em.find(Persona.class, id))
        .filter(p -> p.ownedBy(owner))
        .map(p -> PersonaView.of(p, latestRun(p.id())));
  }

  public List<PersonaView> list(UUID owner) {
    return em.createQuery(
            "SELECT p FROM Persona p WHERE p.ownerId = :o ORDER BY p.createdAt DESC", Persona.class)
        .setParameter("o", owner)
        .getResultStream()
        .map(p -> PersonaView.of(p, latestRun(p.id())))
        .toList();
  }

  /** Removes the persona with its messages, models, runs and tokens (the schema cascades). */
  public void delete(UUID owner, UUID id) {
    Persona persona = owned(owner, id);
    em.createNativeQuery(
            "UPDATE training_run SET status = 'CANCELLED' WHERE persona_id = ?"
                + " AND status IN ('QUEUED', 'RUNNING')")
        .setParameter(1, id)
        .executeUpdate();
    em.remove(persona);
  }

  /**
   * Participants of an upload with statistics, for the picker; a bad file is refused clearly, named
   * as the client named it.
   */
  public List<ParticipantView> participants(Path upload, String fileName) {
    try {
      checkSize(upload);
      return read(ChatImporter.showing(unzipped(upload, fileName)), upload);
    } catch (MlException e) {
      throw DomainException.invalid(e.getMessage());
    }
  }

  /** One pass over the chat: who writes, how much, and how often each answers someone else. */
  private static List<ParticipantView> read(ChatImporter importer, Path upload) {
    ParticipantStatistics statistics = new ParticipantStatistics();
    ReplyCounter replies = new ReplyCounter(TRAINING_DATASET);
    importer.stream(upload, null, statistics.andThen(replies));
    return statistics.participants().stream()
        .map(p -> ParticipantView.of(p, replies.repliesOf(p.id())))
        .toList();
  }

  /** Queues a new training of the persona on its stored chat; the active model serves meanwhile. */
  public PersonaView retrain(UUID owner, UUID id) {
    Persona persona = owned(owner, id);
    Long active =
        em.createQuery(
                "SELECT count(r) FROM TrainingRun r WHERE r.personaId = :p"
                    + " AND r.status IN (io.personastudio.domain.training.RunStatus.QUEUED,"
                    + " io.personastudio.domain.training.RunStatus.RUNNING)",
                Long.class)
            .setParameter("p", id)
            .getSingleResult();
    if (active > 0) {
      throw DomainException.conflict("A training of this persona is already queued or running.");
    }
    TrainingRun run =
        new TrainingRun(
            id,
            owner,
            SEEDS.nextLong() & Long.MAX_VALUE,
            OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
    em.persist(run);
    persona.trainingQueued();
    queued.fire(new TrainingQueued(run.id()));
    return PersonaView.of(persona, run.id());
  }

  private Persona owned(UUID owner, UUID id) {
    Persona persona = id == null ? null : em.find(Persona.class, id);
    if (persona == null || !persona.ownedBy(owner)) {
      throw DomainException.notFound("No such persona.");
    }
    return persona;
  }

  private UUID latestRun(UUID personaId) {
    return em.createNamedQuery(TrainingRun.OF_PERSONA, TrainingRun.class)
        .setParameter("persona", personaId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(TrainingRun::id)
        .orElse(null);
  }

  public Path uploadOf(UUID importId) {
    return config.uploads().resolve(importId + ".upload");
  }

  private void checkSize(Path upload) {
    long size;
    try {
      size = Files.size(upload);
    } catch (IOException e) {
      // the exception names the server's own file: the client is told nothing about it
      LOG.warning("Could not read the upload " + upload + ": " + e);
      throw DomainException.invalid("The upload could not be read; please upload it again.");
    }
    if (size > config.maxUploadBytes()) {
      throw DomainException.invalid(
          "The file is "
              + size / (1024 * 1024)
              + " MB; uploads may be at most "
              + config.maxUploadBytes() / (1024 * 1024)
              + " MB.");
    }
  }

  private ChatFormat check(Path upload, String fileName, String person) {
    checkSize(upload);
    try {
      ChatImporter importer = ChatImporter.showing(unzipped(upload, fileName));
      ChatFormat format = importer.detect(upload);
      List<ParticipantView> participants = read(importer, upload);
      ParticipantView chosen =
          participants.stream()
              .filter(p -> p.name().equals(person) || p.id().equals(person))
              .findFirst()
              .orElseThrow(
                  () ->
                      DomainException.invalid(
                          "Nobody called '"
                              + person
                              + "' writes in this chat; participants: "
                              + participants.stream()
                                  .map(ParticipantView::name)
                                  .collect(Collectors.joining(", "))
                              + "."));
      if (chosen.replies() < MIN_REPLIES) {
        throw DomainException.invalid(
            chosen.name()
                + " answers someone else "
                + chosen.replies()
                + (chosen.replies() == 1 ? " time" : " times")
                + " in this chat; a persona learns from replies and needs at least "
                + MIN_REPLIES
                + ". Export a longer chat, or choose someone who answers more.");
      }
      return format;
    } catch (MlException e) {
      throw DomainException.invalid(e.getMessage());
    }
  }

  /**
   * Replaces a zipped export, in place, by the chat inside it (within the zip limits); returns the
   * name errors give the chat from now on: the upload's, with the chat's name inside a zip.
   */
  private String unzipped(Path upload, String fileName) {
    String shown = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
    try {
      if (!ZippedExport.isZip(upload)) {
        return shown;
      }
      Path chat = Files.createTempFile(upload.getParent(), "unzipped-", ".part");
      try {
        String entry = ZippedExport.extract(upload, shown, config.zipLimits(), chat);
        Files.move(
            chat, upload, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return shown + "/" + entry;
      } finally {
        Files.deleteIfExists(chat);
      }
    } catch (IOException e) {
      LOG.warning("Could not unpack the upload " + upload + ": " + e);
      throw DomainException.invalid("The upload could not be read; please upload it again.");
    }
  }

  private static String shortName(String fileName) {
    String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
    return name.length() > 255 ? name.substring(name.length() - 255) : name;
  }

  private static String required(String value, String what, int max) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(what + " is required.");
    }
    if (value.strip().length() > max) {
      throw DomainException.invalid(what + " must be at most " + max + " characters.");
    }
    return value.strip();
  }

  public static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warning("Could not delete the refused upload " + file + ": " + e.getMessage());
    }
  }
}
