package io.personastudio.infrastructure.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The API's signing key pair when the operator configured none: generated on first start into
 * {@code <persona.data.dir>/jwt/} (readable by the node's user only) and offered, with the lowest
 * priority, as {@code persona.jwt.private-key} and {@code mp.jwt.verify.publickey}. Configured
 * values (environment, system properties) win. Nodes that share no data folder need configured
 * keys.
 */
public class GeneratedJwtKeys implements ConfigSource {

  public static final String PRIVATE = "persona.jwt.private-key";
  public static final String PUBLIC = "mp.jwt.verify.publickey";

  private volatile Map<String, String> keys;

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(PRIVATE, PUBLIC);
  }

  @Override
  public String getValue(String name) {
    if (!PRIVATE.equals(name) && !PUBLIC.equals(name)) {
      return null;
    }
    return keys().get(name);
  }

  @Override
  public String getName() {
    return "persona-generated-jwt-keys";
  }

  @Override
  public int getOrdinal() {
    return 10;
  }

  private Map<String, String> keys() {
    Map<String, String> k = keys;
    if (k == null) {
      synchronized (this) {
        if (keys == null) {
          keys = loadOrGenerate(folder());
        }
        k = keys;
      }
    }
    return k;
  }

  static Path folder() {
    String dir = System.getProperty("persona.data.dir");
    if (dir == null) {
      dir = System.getenv().getOrDefault("PERSONA_DATA_DIR", "data");
    }
    return Path.of(dir).toAbsolutePath().resolve("jwt");
  }

  static Map<String, String> loadOrGenerate(Path folder) {
    Path privateFile = folder.resolve("private.pem");
    Path publicFile = folder.resolve("public.pem");
    try {
      if (!Files.exists(privateFile)) {
        generate(folder, privateFile, publicFile);
      }
      return Map.of(
          PRIVATE, Files.readString(privateFile, StandardCharsets.US_ASCII),
          PUBLIC, Files.readString(publicFile, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("The API's JWT keys in " + folder + " are unusable", e);
    }
  }

  private static void generate(Path folder, Path privateFile, Path publicFile) throws IOException {
    Files.createDirectories(folder);
    var pair = rsa().generateKeyPair();
    Path tmp = Files.createTempDirectory(folder, "new-");
    try {
      Path priv = tmp.resolve("private.pem");
      Path pub = tmp.resolve("public.pem");
      Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
      try {
        Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // the folder's own permissions protect it
      }
      // public first: a reader that sees private.pem finds its public half too
      move(pub, publicFile);
      move(priv, privateFile);
    } finally {
      Files.deleteIfExists(tmp.resolve("private.pem"));
      Files.deleteIfExists(tmp.resolve("public.pem"));
      Files.deleteIfExists(tmp);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
      // another node of the same data folder made the pair first: keep theirs
    }
  }

  private static KeyPairGenerator rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
