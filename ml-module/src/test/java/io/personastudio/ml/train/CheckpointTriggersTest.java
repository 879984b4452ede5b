package io.personastudio.ml.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.personastudio.ml.chat.ImportedChat;
import io.personastudio.ml.model.GeneratorParameters;
import io.personastudio.ml.model.Hyperparameters;
import io.personastudio.ml.model.ModelArtifact;
import io.personastudio.ml.support.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints are written on time (injected clock, no waiting), at every epoch's end and every so
 * many steps; a run killed at any point (simulated by a stop poll that throws, so no stop
 * checkpoint is written) resumes from the last one to exactly the uninterrupted result.
 */
class CheckpointTriggersTest {
  private static final Hyperparameters SMALL =
      Hyperparameters.defaults()
          .withEpochs(3)
          .withShape(16, 16, 500)
          .withSeed(13)
          .withGenerator(GeneratorParameters.defaults().withSize(16, 16, 2, 400));
  private static final long MINUTE = Duration.ofSeconds(61).toNanos();

  @TempDir Path dir;

  private static TrainingResult train(ImportedChat chat, TrainingControl control) {
    return new PersonaTrainer(control, TrainingListener.NONE)
        .train(new TrainingRequest(chat, "Alice", SMALL, false));
  }

  /** A clock that jumps a minute on every read: the time trigger fires after every step. */
  private static LongSupplier racingClock() {
    AtomicLong now = new AtomicLong();
    return () -> now.addAndGet(MINUTE);
  }

  /** Stop polls that kill the run (no checkpoint on the way out) at the given poll. */
  private static TrainingControl killedAt(TrainingControl control, long poll) {
    AtomicLong polls = new AtomicLong();
    return control.withStopRequested(
        () -> {
          if (polls.incrementAndGet() >= poll) {
            throw new IllegalStateException("killed");
          }
          return false;
        });
  }

  @Test
  void scheduleFiresOnStepsEpochEndsAndElapsedTimeOnly() {
    AtomicLong now = new AtomicLong();
    CheckpointSchedule schedule = new CheckpointSchedule(0, Duration.ofSeconds(60), now::get);

    assertThat(schedule.due(1, 10)).isFalse();
    now.addAndGet(Duration.ofSeconds(59).toNanos());
    assertThat(schedule.due(2, 10)).isFalse();
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(schedule.due(3, 10)).isTrue();
    schedule.saved();
    assertThat(schedule.due(4, 10)).isFalse();
    assertThat(schedule.due(10, 10)).as("end of an epoch").isTrue();
    assertThat(new CheckpointSchedule(3, null, now::get).due(6, 100)).isTrue();
    assertThat(new CheckpointSchedule(3, null, now::get).due(7, 100)).isFalse();
  }

  @Test
  void timeTriggerSavesMidEpochAndTheKilledRunResumesExactly() {
    ImportedChat chat = Fixtures.chat(120, 31);
    TrainingResult uninterrupted = train(chat, TrainingControl.defaults());
    long perEpoch = uninterrupted.encoder().totalSteps() / SMALL.epochs();
    assertThat(perEpoch).isGreaterThan(3);
    Path checkpoint = dir.resolve("time.ckpt");

    // frozen clock: killed before the first epoch ends, nothing was saved
    TrainingControl frozen =
        TrainingControl.defaults().withCheckpoint(checkpoint, 0).withClock(() -> 0L);
    assertThatThrownBy(() -> train(chat, killedAt(frozen, 3))).hasMessage("killed");
    assertThat(checkpoint).doesNotExist();

    // a minute passes per step: saved after every step although no step interval is set
    TrainingControl racing =
        TrainingControl.defaults().withCheckpoint(checkpoint, 0).withClock(racingClock());
    assertThatThrownBy(() -> train(chat, killedAt(racing, 3))).hasMessage("killed");
    assertThat(TrainingCheckpoint.read(checkpoint).step()).isEqualTo(2);

    TrainingResult resumed = train(chat, TrainingControl.defaults().withCheckpoint(checkpoint, 0));
    assertThat(resumed.completed()).isTrue();
    assertThat(ModelArtifact.toBytes(resumed.model()))
        .isEqualTo(ModelArtifact.toBytes(uninterrupted.model()));
  }

  @Test
  void epochEndSavesAndTheKilledRunResumesExactly() {
    ImportedChat chat = Fixtures.chat(120, 32);
    TrainingResult uninterrupted = train(chat, TrainingControl.defaults());
    long perEpoch = uninterrupted.encoder().totalSteps() / SMALL.epochs();
    Path checkpoint = dir.resolve("epoch.ckpt");
    TrainingControl frozen =
        TrainingControl.defaults().withCheckpoint(checkpoint, 0).withClock(() -> 0L);

    assertThatThrownBy(() -> train(chat, killedAt(frozen, perEpoch + 3))).hasMessage("killed");
    assertThat(TrainingCheckpoint.read(checkpoint).step()).isEqualTo(perEpoch);

    TrainingResult resumed = train(chat, TrainingControl.defaults().withCheckpoint(checkpoint, 0));
    assertThat(ModelArtifact.toBytes(resumed.model()))
        .isEqualTo(ModelArtifact.toBytes(uninterrupted.model()));
  }

  @Test
  void killedInTheGeneratorPhaseResumesFromItsTimeCheckpointExactly() {
    ImportedChat chat = Fixtures.chat(120, 33);
    TrainingResult uninterrupted = train(chat, TrainingControl.defaults());
    long encoderSteps = uninterrupted.encoder().totalSteps();
    Path checkpoint = dir.resolve("generator.ckpt");
    TrainingControl racing =
        TrainingControl.defaults().withCheckpoint(checkpoint, 0).withClock(racingClock());

    assertThatThrownBy(() -> train(chat, killedAt(racing, encoderSteps + 3))).hasMessage("killed");
    TrainingCheckpoint saved = TrainingCheckpoint.read(checkpoint);
    assertThat(saved.step()).as("generator steps").isEqualTo(2);
    assertThat(saved.parameters()).containsKey("encoder/" + RelevanceTrainer.CONTEXT);

    TrainingResult resumed = train(chat, TrainingControl.defaults().withCheckpoint(checkpoint, 0));
    assertThat(resumed.model().generates()).isTrue();
    assertThat(ModelArtifact.toBytes(resumed.model()))
        .isEqualTo(ModelArtifact.toBytes(uninterrupted.model()));
  }

  @Test
  void checkpointingOnEveryTriggerLeavesTheArtifactUnchanged() {
    ImportedChat chat = Fixtures.chat(100, 34);
    byte[] plain = ModelArtifact.toBytes(train(chat, TrainingControl.defaults()).model());
    byte[] again = ModelArtifact.toBytes(train(chat, TrainingControl.defaults()).model());
    TrainingControl busy =
        TrainingControl.defaults()
            .withCheckpoint(dir.resolve("busy.ckpt"), 1)
            .withClock(racingClock());
    byte[] checkpointed = ModelArtifact.toBytes(train(chat, busy).model());

    assertThat(again).isEqualTo(plain);
    assertThat(checkpointed).isEqualTo(plain);
  }
}
