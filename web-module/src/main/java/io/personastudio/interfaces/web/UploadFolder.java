package io.personastudio.interfaces.web;

import io.personastudio.infrastructure.config.StudioConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams an uploaded chat into a temporary file of the upload folder. At most one byte more than
 * the limit is written, so an oversized upload is refused by the service without filling the disk.
 */
@ApplicationScoped
public class UploadFolder {

  @Inject StudioConfig config;

  public Path store(InputStream content) {
    Path file = null;
    try {
      Files.createDirectories(config.uploads());
      file = Files.createTempFile(config.uploads(), "incoming-", ".part");
      long limit = config.maxUploadBytes() + 1;
      try (OutputStream out = Files.newOutputStream(file)) {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        int n;
        while (written < limit
            && (n = content.read(buffer, 0, (int) Math.min(buffer.length, limit - written))) > 0) {
          out.write(buffer, 0, n);
          written += n;
        }
      }
      return file;
    } catch (IOException e) {
      delete(file);
      throw new UncheckedIOException("The upload could not be stored", e);
    }
  }

  public void delete(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a leftover temporary file in the upload folder only costs disk space
      }
    }
  }
}
