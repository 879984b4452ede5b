package io.personastudio.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureReasonsTest {

  @Test
  void knownCausesGetTheirOwnSentence() {
    assertThat(FailureReasons.key("The uploaded file is gone; upload the chat again."))
        .isEqualTo("training.failure.uploadGone");
    assertThat(FailureReasons.key("need at least 2 (context, reply) pairs to train, got 1"))
        .isEqualTo("training.failure.tooLittle");
    assertThat(FailureReasons.key("the training worker died (signal 9), 3 times"))
        .isEqualTo("training.failure.crashed");
    assertThat(FailureReasons.key("The training could not start: no worker jar"))
        .isEqualTo("training.failure.notStarted");
  }

  @Test
  void anUnknownOrMissingReasonGetsTheGeneralSentence() {
    assertThat(FailureReasons.key("OutOfMemoryError")).isEqualTo("training.failure.other");
    assertThat(FailureReasons.key(null)).isEqualTo("training.failure.other");
  }
}
