package io.personastudio.infrastructure.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ContentCipherTest {

  private static String key(int fill) {
    byte[] raw = new byte[32];
    java.util.Arrays.fill(raw, (byte) fill);
    return Base64.getEncoder().encodeToString(raw);
  }

  private final ContentCipher cipher = new ContentCipher(ContentKeys.parse("k1:" + key(1)));

  @Test
  void sealedTextOpensOnlyForItsRowAndIsNotReadable() {
    Sealed sealed = cipher.seal("Привет, Morty!", "import-1/7");

    assertThat(new String(sealed.bytes(), StandardCharsets.UTF_8)).doesNotContain("Morty");
    assertThat(sealed.keyId()).isEqualTo("k1");
    assertThat(cipher.open(sealed, "import-1/7")).isEqualTo("Привет, Morty!");
    assertThatThrownBy(() -> cipher.open(sealed, "import-1/8"))
        .hasMessageContaining("does not decrypt");
  }

  @Test
  void aValueThatDoesNotDecryptLeavesTheThreadsEngineUsable() {
    Sealed first = cipher.seal("first", "r1");
    assertThatThrownBy(() -> cipher.open(first, "r2")).hasMessageContaining("does not decrypt");

    Sealed second = cipher.seal("second", "r3");
    assertThat(cipher.open(second, "r3")).isEqualTo("second");
    assertThat(cipher.open(first, "r1")).isEqualTo("first");
  }

  @Test
  void theSameTextSealsDifferentlyEachTime() {
    assertThat(cipher.seal("same", "r").bytes()).isNotEqualTo(cipher.seal("same", "r").bytes());
  }

  @Test
  void afterARotationOldRowsStillOpenAndNewRowsUseTheNewKey() {
    Sealed old = cipher.seal("old secret", "r1");
    ContentCipher rotated = new ContentCipher(ContentKeys.parse("k2:" + key(2) + ",k1:" + key(1)));

    assertThat(rotated.open(old, "r1")).isEqualTo("old secret");
    assertThat(rotated.seal("new", "r2").keyId()).isEqualTo("k2");
  }

  @Test
  void badKeyConfigurationIsNamed() {
    assertThatThrownBy(() -> ContentKeys.parse("")).hasMessageContaining("PERSONA_CONTENT_KEYS");
    assertThatThrownBy(
            () -> ContentKeys.parse("k1:" + Base64.getEncoder().encodeToString(new byte[16])))
        .hasMessageContaining("must be 32 bytes");
    assertThatThrownBy(() -> ContentKeys.parse("k1:%%%")).hasMessageContaining("not valid base64");
    assertThat(ContentKeys.parse("k1:" + key(3)).toString()).doesNotContain(key(3));
  }
}
