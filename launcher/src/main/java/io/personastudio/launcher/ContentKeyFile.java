package io.personastudio.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that encrypts chat content at rest, for a node that has none configured: generated once
 * into the data folder (readable by its owner only) and reused at every start. A configured {@code
 * PERSONA_CONTENT_KEYS} always wins; production should configure its keys.
 */
public final class ContentKeyFile {

  private ContentKeyFile() {}

  /** {@code id:base64key} from {@code file}, creating it with a fresh 256-bit key if missing. */
  public static String keysIn(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "local-1:" + Base64.getEncoder().encodeToString(key) + "\n");
      }
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Content key file " + file + " is not usable", e);
    }
  }

  /** A fresh key for a throw-away node (tests). */
  public static String fresh() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return "test-1:" + Base64.getEncoder().encodeToString(key);
  }
}
