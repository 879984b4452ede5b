package io.personastudio.infrastructure.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The content keys from configuration: {@code id:base64key[,id:base64key…]}, 32-byte keys. The
 * first is the active key that encrypts; all of them decrypt, so old rows stay readable after a
 * rotation. Values are never printed.
 */
public final class ContentKeys {

  private final String activeId;
  private final Map<String, SecretKey> keys;

  private ContentKeys(String activeId, Map<String, SecretKey> keys) {
    this.activeId = activeId;
    this.keys = keys;
  }

  public static ContentKeys parse(String configured) {
    if (configured == null || configured.isBlank()) {
      throw new IllegalStateException(
          "No content key configured: set PERSONA_CONTENT_KEYS to id:base64(32 random bytes)");
    }
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    for (String entry : configured.split(",")) {
      String[] parts = entry.strip().split(":", 2);
      if (parts.length != 2 || parts[0].isBlank()) {
        throw new IllegalStateException("PERSONA_CONTENT_KEYS entries must look like id:base64key");
      }
      byte[] raw;
      try {
        raw = Base64.getDecoder().decode(parts[1].strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("Content key '" + parts[0] + "' is not valid base64");
      }
      if (raw.length != 32) {
        throw new IllegalStateException(
            "Content key '" + parts[0] + "' must be 32 bytes, is " + raw.length);
      }
      keys.put(parts[0].strip(), new SecretKeySpec(raw, "AES"));
    }
    return new ContentKeys(keys.keySet().iterator().next(), keys);
  }

  public String activeId() {
    return activeId;
  }

  SecretKey active() {
    return keys.get(activeId);
  }

  SecretKey byId(String id) {
    SecretKey key = keys.get(id);
    if (key == null) {
      throw new IllegalStateException("Content key '" + id + "' is not configured any more");
    }
    return key;
  }

  @Override
  public String toString() {
    return "ContentKeys" + keys.keySet() + " active=" + activeId;
  }
}
