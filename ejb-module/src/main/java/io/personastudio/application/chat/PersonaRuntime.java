package io.personastudio.application.chat;

import io.personastudio.domain.DomainException;
import io.personastudio.domain.persona.ModelVersion;
import io.personastudio.ml.model.ModelArtifact;
import io.personastudio.ml.model.PersonaModel;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers as a persona with its active model, on any node: models load on demand from the database
 * into a bounded cache; a newly published version is picked up at the next request without a gap
 * (the old one answers until the switch commits); every answer has a timeout.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PersonaRuntime {

  @PersistenceContext(unitName = "persona")
  EntityManager em;

  /** Inference threads come from the container, but tasks skip per-task context capture. */
  @Resource ManagedThreadFactory threads;

  @Resource(lookup = "jdbc/persona")
  DataSource db;

  @Inject
  @ConfigProperty(name = "persona.runtime.cache-bytes", defaultValue = "268435456")
  long cacheBytes;

  @Inject
  @ConfigProperty(name = "persona.runtime.timeout-millis", defaultValue = "2000")
  long timeoutMillis;

  @Inject
  @ConfigProperty(name = "persona.runtime.threads", defaultValue = "0")
  int threadCount;

  private ModelCache cache;
  private ExecutorService inference;

  @PostConstruct
  void start() {
    cache = new ModelCache(cacheBytes);
    // A model answers in pure Java and needs no container context: capturing it per task (what a
    // ManagedExecutorService does on every submit) cost more than many replies themselves.
    int count = threadCount > 0 ? threadCount : 2 * Runtime.getRuntime().availableProcessors();
    inference = Executors.newFixedThreadPool(count, threads);
  }

  @PreDestroy
  void stop() {
    inference.shutdownNow();
  }

  /** The web chat: the owner talks to their own persona. */
  public String reply(UUID owner, UUID personaId, List<String> context) {
    return answer(ownersPersona(owner, personaId), context);
  }

  /** The bot: a chat already granted access to the persona by a token. */
  public String reply(UUID personaId, List<String> context) {
    ActivePersona persona =
        lookUp(personaId)
            .orElseThrow(() -> DomainException.notFound("This persona has been deleted."));
    return answer(persona, context);
  }

  /** Scores per candidate, higher = more likely the person's reply. */
  public float[] rank(UUID owner, UUID personaId, List<String> context, List<String> candidates) {
    PersonaModel model = model(ownersPersona(owner, personaId));
    return timed(() -> model.rank(context, candidates));
  }

  public int cachedModels() {
    return cache.size();
  }

  /** Owner and active model of a persona, read fresh on every request (one indexed row). */
  private record ActivePersona(UUID owner, Optional<UUID> activeModel) {}

  /** The owner's persona; the same "not found" for another owner's id (no IDOR). */
  private ActivePersona ownersPersona(UUID owner, UUID personaId) {
    return lookUp(personaId)
        .filter(p -> p.owner().equals(owner))
        .orElseThrow(() -> DomainException.notFound("No such persona."));
  }

  private Optional<ActivePersona> lookUp(UUID personaId) {
    if (personaId == null) {
      return Optional.empty();
    }
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT owner_id, active_model_id FROM persona WHERE id = ?")) {
      q.setObject(1, personaId);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new ActivePersona(
                    rs.getObject(1, UUID.class), Optional.ofNullable(rs.getObject(2, UUID.class))))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the persona failed", e);
    }
  }

  /**
   * A model version this node has just published, loaded and checked by the publish step: the
   * persona's first reply here needs no second load of the artifact.
   */
  public void adopt(UUID modelId, PersonaModel model, long artifactBytes) {
    cache.offer(modelId, model, artifactBytes);
  }

  private String answer(ActivePersona persona, List<String> context) {
    if (context == null || context.isEmpty() || context.stream().allMatch(String::isBlank)) {
      throw DomainException.invalid("Say something first.");
    }
    PersonaModel model = model(persona);
    return timed(() -> model.reply(context));
  }

  private PersonaModel model(ActivePersona persona) {
    UUID modelId =
        persona
            .activeModel()
            .orElseThrow(
                () -> DomainException.conflict("This persona is still training; try again later."));
    return cache.get(
        modelId, id -> em.find(ModelVersion.class, id).artifact(), ModelArtifact::fromBytes);
  }

  private <T> T timed(java.util.concurrent.Callable<T> work) {
    Future<T> answer;
    try {
      answer = inference.submit(work);
    } catch (RejectedExecutionException e) {
      throw DomainException.conflict("The persona runtime is shutting down; try again.");
    }
    try {
      return answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw DomainException.conflict("The persona took too long to answer; try again.");
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "The persona could not answer: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DomainException.conflict("Interrupted.");
    }
  }
}
