package io.personastudio.infrastructure.crypto;

import io.personastudio.infrastructure.config.StudioConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** The node's content cipher, from the configured keys (checked when first used). */
@ApplicationScoped
public class ContentCipherProducer {

  @Inject StudioConfig config;

  private ContentCipher cipher;

  @Produces
  synchronized ContentCipher cipher() {
    if (cipher == null) {
      cipher = new ContentCipher(ContentKeys.parse(config.contentKeys().orElse(null)));
    }
    return cipher;
  }
}
