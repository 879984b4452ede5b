package io.personastudio.launcher;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys that make a node's identity: the content keys that seal chat content at rest and the key
 * pair that signs sign-in and API tokens. A node on its own may make them in its data folder; a
 * clustered node must be given them, identical on every node, or a token issued by one node would
 * be refused by the next and content sealed by one unreadable by another.
 */
public record NodeSecrets(
    Optional<String> contentKeys, Optional<String> jwtPrivateKey, Optional<String> jwtPublicKey) {

  static final String CONTENT_KEYS = "PERSONA_CONTENT_KEYS";
  static final String JWT_PRIVATE = "PERSONA_JWT_PRIVATE_KEY";
  static final String JWT_PUBLIC = "PERSONA_JWT_PUBLIC_KEY";

  public static NodeSecrets from(Map<String, String> env, boolean clustered) {
    NodeSecrets secrets =
        new NodeSecrets(value(env, CONTENT_KEYS), value(env, JWT_PRIVATE), value(env, JWT_PUBLIC));
    if (clustered) {
      secrets.requireShared();
    }
    if (secrets.jwtPrivateKey.isPresent() != secrets.jwtPublicKey.isPresent()) {
      throw new ConfigurationException(
          (secrets.jwtPrivateKey.isPresent() ? JWT_PUBLIC : JWT_PRIVATE)
              + " is not set: "
              + JWT_PRIVATE
              + " and "
              + JWT_PUBLIC
              + " are one pair, set both");
    }
    secrets.jwtPrivateKey.ifPresent(key -> checkPair(key, secrets.jwtPublicKey.orElseThrow()));
    return secrets;
  }

  /**
   * The environment that hands the keys to the server (never its command line): the content keys,
   * generated into {@code dataDir} when none are set, and the token keys under the names the
   * application reads, when set.
   */
  public Map<String, String> serverEnvironment(Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put(
        CONTENT_KEYS,
        contentKeys.orElseGet(() -> ContentKeyFile.keysIn(dataDir.resolve("content.key"))));
    jwtPrivateKey.ifPresent(key -> env.put(JWT_PRIVATE, key));
    jwtPublicKey.ifPresent(key -> env.put("MP_JWT_VERIFY_PUBLICKEY", key));
    return env;
  }

  /** A fresh PEM key pair for {@code PERSONA_JWT_PRIVATE_KEY} / {@code _PUBLIC_KEY}. */
  public static Map<String, String> freshJwtKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      var pair = generator.generateKeyPair();
      return Map.of(
          JWT_PRIVATE, pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
          JWT_PUBLIC, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private void requireShared() {
    // in a fixed order, so that the operator meets the same first missing key every time
    List<Map.Entry<String, Optional<String>>> required =
        List.of(
            Map.entry(CONTENT_KEYS, contentKeys),
            Map.entry(JWT_PRIVATE, jwtPrivateKey),
            Map.entry(JWT_PUBLIC, jwtPublicKey));
    for (var key : required) {
      if (key.getValue().isEmpty()) {
        throw new ConfigurationException(
            key.getKey()
                + " is not set: a clustered node needs the same key as every other node"
                + " (set it, or "
                + key.getKey()
                + "_FILE)");
      }
    }
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static void checkPair(String privatePem, String publicPem) {
    BigInteger privateModulus;
    BigInteger publicModulus;
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      privateModulus =
          ((RSAPrivateCrtKey)
                  rsa.generatePrivate(new PKCS8EncodedKeySpec(der(JWT_PRIVATE, privatePem))))
              .getModulus();
      publicModulus =
          ((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der(JWT_PUBLIC, publicPem))))
              .getModulus();
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new ConfigurationException(
          JWT_PRIVATE + " / " + JWT_PUBLIC + " are not an RSA key pair in PEM (PKCS#8 / X.509)");
    }
    if (!privateModulus.equals(publicModulus)) {
      throw new ConfigurationException(
          JWT_PRIVATE
              + " and "
              + JWT_PUBLIC
              + " are not one pair: the public key is another key's");
    }
  }

  private static byte[] der(String variable, String pem) {
    String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          variable + " is not a PEM key (base64 between BEGIN/END lines)");
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  @Override
  public String toString() {
    return "NodeSecrets[contentKeys="
        + (contentKeys.isPresent() ? "***" : "generated")
        + ", jwtKeys="
        + (jwtPrivateKey.isPresent() ? "***" : "generated")
        + "]";
  }
}
