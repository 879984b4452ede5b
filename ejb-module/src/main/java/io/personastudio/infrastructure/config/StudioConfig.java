package io.personastudio.infrastructure.config;

import io.personastudio.ml.chat.ZipLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's settings with their defaults; each is also an environment variable (for example {@code
 * persona.upload.max-bytes} is {@code PERSONA_UPLOAD_MAX_BYTES}).
 */
@ApplicationScoped
public class StudioConfig {

  @Inject
  @ConfigProperty(name = "persona.data.dir", defaultValue = "data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "persona.upload.max-bytes", defaultValue = "209715200")
  long maxUploadBytes;

  @Inject
  @ConfigProperty(name = "persona.upload.zip.max-entries", defaultValue = "20000")
  int zipMaxEntries;

  @Inject
  @ConfigProperty(name = "persona.upload.zip.max-unpacked-bytes", defaultValue = "1073741824")
  long zipMaxUnpackedBytes;

  @Inject
  @ConfigProperty(name = "persona.upload.zip.max-ratio", defaultValue = "100")
  int zipMaxRatio;

  @Inject
  @ConfigProperty(name = "persona.ml.worker-jar")
  Optional<String> workerJar;

  @Inject
  @ConfigProperty(name = "persona.ml.worker-heap", defaultValue = "1g")
  String workerHeap;

  @Inject
  @ConfigProperty(name = "persona.training.minutes", defaultValue = "30")
  int trainingMinutes;

  @Inject
  @ConfigProperty(name = "persona.training.concurrency", defaultValue = "0")
  int concurrency;

  @Inject
  @ConfigProperty(name = "persona.content.keys")
  Optional<String> contentKeys;

  public Path dataDir() {
    return Path.of(dataDir).toAbsolutePath();
  }

  public Path uploads() {
    return dataDir().resolve("uploads");
  }

  public Path work() {
    return dataDir().resolve("work");
  }

  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  /** What a zipped upload may hold; the chat inside may be as large as an upload. */
  public ZipLimits zipLimits() {
    return new ZipLimits(zipMaxEntries, zipMaxUnpackedBytes, maxUploadBytes, zipMaxRatio);
  }

  /** The shaded ML jar the training worker runs; required once a training starts. */
  public Path workerJar() {
    return Path.of(
        workerJar.orElseThrow(
            () ->
                new IllegalStateException(
                    "persona.ml.worker-jar (PERSONA_ML_WORKER_JAR) is not set: training needs"
                        + " the path of persona-ml.jar")));
  }

  public String workerHeap() {
    return workerHeap;
  }

  public int trainingMinutes() {
    return trainingMinutes;
  }

  /** Concurrent trainings on this node: configured, or cores − 1 and at least 1. */
  public int concurrency() {
    return concurrency > 0
        ? concurrency
        : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }

  public Optional<String> contentKeys() {
    return contentKeys;
  }
}
