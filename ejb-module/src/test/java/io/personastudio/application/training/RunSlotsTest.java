package io.personastudio.application.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunSlotsTest {

  private final RunSlots slots = new RunSlots();
  private final UUID run = UUID.randomUUID();

  @Test
  void theEndOfTheRunsExecutionFreesItsSlot() {
    slots.claim(run);
    slots.started(run, 7);

    assertThat(slots.release(run, 7)).isTrue();
    assertThat(slots.size()).isZero();
  }

  @Test
  void aStaleExecutionsEndLeavesTheSlotOfTheRunsNewExecutionOnThisNode() {
    slots.claim(run);
    slots.started(run, 7);
    // the run was put back in the queue and this node claimed it again
    slots.claim(run);
    slots.started(run, 8);

    assertThat(slots.release(run, 7)).as("the working folder is still in use").isFalse();
    assertThat(slots.size()).isEqualTo(1);
    assertThat(slots.release(run, 8)).isTrue();
    assertThat(slots.size()).isZero();
  }

  @Test
  void anExecutionWhoseSlotWasFreedAtPublishingStillRemovesItsFolderAtTheEnd() {
    slots.claim(run);
    slots.started(run, 7);
    slots.release(run, 7); // published: the evaluation does not hold a slot

    assertThat(slots.release(run, 7)).isTrue();
    assertThat(slots.size()).isZero();
  }

  @Test
  void aJobThatCouldNotStartGivesItsClaimBack() {
    slots.claim(run);

    slots.notStarted(run);

    assertThat(slots.size()).isZero();
  }
}
