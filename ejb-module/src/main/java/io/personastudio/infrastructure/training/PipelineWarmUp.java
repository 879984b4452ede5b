package io.personastudio.infrastructure.training;

import io.personastudio.infrastructure.crypto.ContentCipher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * After the node starts, rehearses the pipeline once in the background ({@link PipelineRehearsal}:
 * a made-up chat through the upload checks, import, sealing, export and a model's packing and
 * answer), so that the first real upload does not pay for loading and compiling that code: a fresh
 * node's first upload took ~3 s longer than the next. It never delays readiness and leaves no file
 * behind. It never touches the database, not even through the batch runtime: the job repository
 * creates its tables lazily, and doing that before the schema migration made Flyway refuse the
 * "non-empty schema" of a fresh database.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PipelineWarmUp {

  private static final Logger LOG = Logger.getLogger(PipelineWarmUp.class.getName());

  /** Messages of the made-up chat: enough for the import's and export's loops to compile. */
  @Inject
  @ConfigProperty(name = "persona.training.warm-up-messages", defaultValue = "2000")
  int messages;

  /**
   * Resolved on the warm-up's own thread: a node without a content key must still deploy (its
   * uploads then fail with that message), so the warm-up only logs that it could not seal.
   */
  @Inject Instance<ContentCipher> cipher;

  @Resource ManagedExecutorService executor;

  private Future<?> rehearsal;

  @PostConstruct
  void start() {
    if (messages > 0) {
      rehearsal = executor.submit(this::rehearse);
    }
  }

  @PreDestroy
  void stop() {
    if (rehearsal != null) {
      rehearsal.cancel(true);
    }
  }

  private void rehearse() {
    long started = System.nanoTime();
    try {
      PipelineRehearsal.Outcome done =
          PipelineRehearsal.run(
              cipher.get(), Path.of(System.getProperty("java.io.tmpdir")), messages);
      LOG.info(
          "Training pipeline warmed up in "
              + (System.nanoTime() - started) / 1_000_000
              + " ms ("
              + done.sealed()
              + " made-up messages imported and exported, a model checked)");
    } catch (Exception e) {
      // only the first upload is slower for it
      LOG.warning("Training pipeline warm-up stopped: " + e);
    }
  }
}
