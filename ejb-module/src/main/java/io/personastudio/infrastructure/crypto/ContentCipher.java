package io.personastudio.infrastructure.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for chat content. Each value gets a fresh 96-bit nonce (stored in front of the cipher
 * text) and is bound to its row by associated data, so a value copied to another row does not
 * decrypt.
 */
public final class ContentCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * One AES-GCM engine per thread, initialised anew for every value: looking the transformation up
   * in the provider list cost as much as sealing a chat message (an import seals two per message).
   */
  private static final ThreadLocal<Cipher> ENGINES =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("AES-GCM unavailable", e);
            }
          });

  private final ContentKeys keys;

  public ContentCipher(ContentKeys keys) {
    this.keys = keys;
  }

  public Sealed seal(String plain, String rowId) {
    return sealBytes(plain.getBytes(StandardCharsets.UTF_8), rowId);
  }

  /** Seals raw bytes (an upload's chunk) bound to {@code rowId}. */
  public Sealed sealBytes(byte[] plain, String rowId) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = ENGINES.get();
      cipher.init(Cipher.ENCRYPT_MODE, keys.active(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      return new Sealed(
          keys.activeId(),
          ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  public String open(Sealed sealed, String rowId) {
    return new String(openBytes(sealed, rowId), StandardCharsets.UTF_8);
  }

  public byte[] openBytes(Sealed sealed, String rowId) {
    byte[] bytes = sealed.bytes();
    try {
      Cipher cipher = ENGINES.get();
      cipher.init(
          Cipher.DECRYPT_MODE,
          keys.byId(sealed.keyId()),
          new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "Content of " + rowId + " does not decrypt: wrong key or altered", e);
    }
  }
}
