package io.personastudio.ml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StdinWatchTest {
  @TempDir Path dir;

  @Test
  void drainReturnsAtEndOfStreamAndRunsTheCallbackOnce() {
    StdinWatch watch = StdinWatch.none();
    AtomicInteger calls = new AtomicInteger();
    watch.drain(
        new ByteArrayInputStream("keep-alive\n".repeat(200).getBytes(StandardCharsets.UTF_8)),
        calls::incrementAndGet);
    assertThat(watch.ended()).isTrue();
    assertThat(calls).hasValue(1);
  }

  @Test
  void aReadErrorCountsAsTheEnd() {
    StdinWatch watch = StdinWatch.none();
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    watch.drain(broken, () -> {});
    assertThat(watch.ended()).isTrue();
  }

  @Test
  void firesOnlyWhenTheWriterClosesItsEnd() throws Exception {
    PipedOutputStream parent = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(parent);
    CountDownLatch fired = new CountDownLatch(1);
    StdinWatch watch = StdinWatch.start(stdin, fired::countDown);
    parent.write("still here\n".getBytes(StandardCharsets.UTF_8));
    parent.flush();
    assertThat(fired.await(200, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(watch.ended()).isFalse();
    parent.close();
    assertThat(fired.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(watch.ended()).isTrue();
  }

  @Test
  void neverFiresWhenNotWatching() {
    assertThat(StdinWatch.none().ended()).isFalse();
  }

  @Test
  void onlyAPipeOrSocketOnStdinIsWatched() throws Exception {
    assertThat(StdinWatch.isPipe(Files.createSymbolicLink(dir.resolve("p"), Path.of("pipe:[42]"))))
        .isTrue();
    assertThat(StdinWatch.isPipe(Files.createSymbolicLink(dir.resolve("s"), Path.of("socket:[7]"))))
        .isTrue();
    assertThat(StdinWatch.isPipe(Files.createSymbolicLink(dir.resolve("n"), Path.of("/dev/null"))))
        .isFalse();
    assertThat(StdinWatch.isPipe(Files.createSymbolicLink(dir.resolve("t"), Path.of("/dev/pts/0"))))
        .isFalse();
    assertThat(StdinWatch.isPipe(dir.resolve("missing"))).isFalse();
    assertThat(StdinWatch.isPipe(Files.createFile(dir.resolve("regular")))).isFalse();
  }
}
