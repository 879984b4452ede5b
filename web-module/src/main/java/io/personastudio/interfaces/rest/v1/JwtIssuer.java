package io.personastudio.interfaces.rest.v1;

import io.personastudio.infrastructure.security.GeneratedJwtKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs the API's access tokens (RS256) with the configured or generated private key; MP-JWT
 * verifies them with the matching public key. A mismatched pair is refused at first use.
 */
@ApplicationScoped
public class JwtIssuer {

  @Inject
  @ConfigProperty(name = GeneratedJwtKeys.PRIVATE)
  String privatePem;

  @Inject
  @ConfigProperty(name = GeneratedJwtKeys.PUBLIC)
  String publicPem;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = "persona.jwt.lifetime-seconds", defaultValue = "3600")
  long lifetimeSeconds;

  private PrivateKey key;

  @PostConstruct
  void load() {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      key = rsa.generatePrivate(new PKCS8EncodedKeySpec(der(privatePem)));
      PublicKey verify = rsa.generatePublic(new X509EncodedKeySpec(der(publicPem)));
      byte[] probe = "probe".getBytes(StandardCharsets.US_ASCII);
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(verify);
      verifier.update(probe);
      if (!verifier.verify(sign(probe))) {
        throw new IllegalStateException(
            GeneratedJwtKeys.PRIVATE + " and " + GeneratedJwtKeys.PUBLIC + " are not one pair");
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("The API's JWT keys are unusable: " + e.getMessage(), e);
    }
  }

  public long lifetimeSeconds() {
    return lifetimeSeconds;
  }

  /**
   * A signed token naming the account (sub, upn) in the group {@code user}, with the account's
   * credentials version ({@code cv}): a password change makes it void.
   */
  public String issue(UUID account, int credentialsVersion) {
    long now = Instant.now().getEpochSecond();
    String header =
        Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString();
    String claims =
        Json.createObjectBuilder()
            .add("iss", issuer)
            .add("sub", account.toString())
            .add("upn", account.toString())
            .add("groups", Json.createArrayBuilder().add("user"))
            .add("iat", now)
            .add("exp", now + lifetimeSeconds)
            .add("jti", UUID.randomUUID().toString())
            .add("cv", credentialsVersion)
            .build()
            .toString();
    String signingInput =
        b64(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64(claims.getBytes(StandardCharsets.UTF_8));
    try {
      return signingInput + "." + b64(sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] sign(byte[] data) throws GeneralSecurityException {
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key);
    signer.update(data);
    return signer.sign();
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] der(String pem) {
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }
}
