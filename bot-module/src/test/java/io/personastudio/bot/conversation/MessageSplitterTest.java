package io.personastudio.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {

  @Test
  void leavesAShortReplyWhole() {
    assertThat(MessageSplitter.split("hello")).containsExactly("hello");
  }

  @Test
  void prefersLineBreaks() {
    String text = "a".repeat(70) + "\n" + "b".repeat(50);
    assertThat(MessageSplitter.split(text, 100)).containsExactly("a".repeat(70), "b".repeat(50));
  }

  @Test
  void fallsBackToSpacesThenHardCuts() {
    assertThat(MessageSplitter.split("aaaa bbbb cccc", 10)).containsExactly("aaaa bbbb", "cccc");
    assertThat(MessageSplitter.split("x".repeat(25), 10))
        .containsExactly("x".repeat(10), "x".repeat(10), "x".repeat(5));
  }

  @Test
  void neverCutsASurrogatePair() {
    String emoji = "😀";
    String text = "x".repeat(9) + emoji + "y".repeat(5);
    List<String> parts = MessageSplitter.split(text, 10);
    assertThat(parts).containsExactly("x".repeat(9), emoji + "y".repeat(5));
    assertThat(String.join("", parts)).isEqualTo(text);
  }

  @Test
  void keepsEveryPartWithinTelegramsLimit() {
    String text = "слово ".repeat(3000);
    assertThat(MessageSplitter.split(text)).allMatch(p -> p.length() <= 4096).hasSize(5);
  }
}
