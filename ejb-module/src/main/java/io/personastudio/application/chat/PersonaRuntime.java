package io.personastudio.application.chat;

import io.personastudio.domain.DomainException;
import io.personastudio.domain.persona.ModelVersion;
import io.personastudio.domain.persona.Persona;
import io.personastudio.ml.model.ModelArtifact;
import io.personastudio.ml.model.PersonaModel;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  @Resource ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "persona.runtime.cache-bytes", defaultValue = "268435456")
  long cacheBytes;

  @Inject
  @ConfigProperty(name = "persona.runtime.timeout-millis", defaultValue = "2000")
  long timeoutMillis;

  private ModelCache cache;

  @PostConstruct
  void createCache() {
    cache = new ModelCache(cacheBytes);
  }

  /** The web chat: the owner talks to their own persona. */
  public String reply(UUID owner, UUID personaId, List<String> context) {
    Persona persona = em.find(Persona.class, personaId);
    if (persona == null || !persona.ownedBy(owner)) {
      throw DomainException.notFound("No such persona.");
    }
    return answer(persona, context);
  }

  /** The bot: a chat already granted access to the persona by a token. */
  public String reply(UUID personaId, List<String> context) {
    Persona persona = em.find(Persona.class, personaId);
    if (persona == null) {
      throw DomainException.notFound("This persona has been deleted.");
    }
    return answer(persona, context);
  }

  /** Scores per candidate, higher = more likely the person's reply. */
  public float[] rank(UUID owner, UUID personaId, List<String> context, List<String> candidates) {
    Persona persona = em.find(Persona.class, personaId);
    if (persona == null || !persona.ownedBy(owner)) {
      throw DomainException.notFound("No such persona.");
    }
    PersonaModel model = model(persona);
    return timed(() -> model.rank(context, candidates));
  }

  public int cachedModels() {
    return cache.size();
  }

  private String answer(Persona persona, List<String> context) {
    if (context == null || context.isEmpty() || context.stream().allMatch(String::isBlank)) {
      throw DomainException.invalid("Say something first.");
    }
    PersonaModel model = model(persona);
    return timed(() -> model.reply(context));
  }

  private PersonaModel model(Persona persona) {
    UUID modelId =
        persona
            .activeModelId()
            .orElseThrow(
                () -> DomainException.conflict("This persona is still training; try again later."));
    return cache.get(
        modelId, id -> em.find(ModelVersion.class, id).artifact(), ModelArtifact::fromBytes);
  }

  private <T> T timed(java.util.concurrent.Callable<T> work) {
    Future<T> answer = executor.submit(work);
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
