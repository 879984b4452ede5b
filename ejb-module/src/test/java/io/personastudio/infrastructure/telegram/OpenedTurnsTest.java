package io.personastudio.infrastructure.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenedTurnsTest {

  @Test
  void remembersATurnsTextUntilItIsForgotten() {
    OpenedTurns opened = new OpenedTurns();
    opened.put("a", "hello");
    opened.put("b", "again");

    assertThat(opened.get("a")).isEqualTo("hello");
    assertThat(opened.get("unknown")).isNull();

    opened.forget(List.of("a"));
    assertThat(opened.get("a")).isNull();
    assertThat(opened.get("b")).isEqualTo("again");
  }

  @Test
  void staysBoundedWhenFull() {
    OpenedTurns opened = new OpenedTurns();
    for (int i = 0; i < OpenedTurns.MAX_ENTRIES; i++) {
      opened.put("t" + i, "text " + i);
    }
    assertThat(opened.get("t0")).isEqualTo("text 0");

    opened.put("one-more", "x");

    assertThat(opened.get("t0")).isNull();
    assertThat(opened.get("one-more")).isEqualTo("x");
  }
}
