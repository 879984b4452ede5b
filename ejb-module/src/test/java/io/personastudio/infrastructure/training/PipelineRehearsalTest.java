package io.personastudio.infrastructure.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.infrastructure.crypto.ContentCipher;
import io.personastudio.infrastructure.crypto.ContentKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineRehearsalTest {

  private final ContentCipher cipher =
      new ContentCipher(
          ContentKeys.parse("k1:" + Base64.getEncoder().encodeToString(new byte[32])));

  @Test
  void everyMadeUpMessageGoesThroughEachStageAndTheModelAnswers(@TempDir Path parent)
      throws Exception {
    PipelineRehearsal.Outcome done = PipelineRehearsal.run(cipher, parent, 300);

    assertThat(done.written()).isEqualTo(300);
    assertThat(done.checked()).isEqualTo(300);
    assertThat(done.sealed()).isEqualTo(300);
    assertThat(done.exported()).isEqualTo(300);
    assertThat(done.participants()).isEqualTo(2);
    assertThat(done.reply()).isNotBlank();
  }

  @Test
  void leavesNoFileBehind(@TempDir Path parent) throws Exception {
    PipelineRehearsal.run(cipher, parent, 50);

    try (Stream<Path> left = Files.list(parent)) {
      assertThat(left).isEmpty();
    }
  }
}
