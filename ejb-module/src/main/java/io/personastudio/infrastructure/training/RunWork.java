package io.personastudio.infrastructure.training;

import io.personastudio.infrastructure.config.StudioConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** The private working folder of one run: the decrypted export and the model file. */
final class RunWork {

  private RunWork() {}

  static Path dir(StudioConfig config, UUID runId) {
    try {
      return Files.createDirectories(config.work().resolve(runId.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path export(StudioConfig config, UUID runId) {
    return dir(config, runId).resolve("chat.json");
  }

  static Path model(StudioConfig config, UUID runId) {
    return dir(config, runId).resolve("model.bin");
  }

  /** Removes the folder and everything in it (the decrypted chat must not outlive the run). */
  static void delete(StudioConfig config, UUID runId) {
    deleteTree(config.work().resolve(runId.toString()));
  }

  /** Removes a folder and everything in it, if it exists. */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(RunWork::deleteQuietly);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
