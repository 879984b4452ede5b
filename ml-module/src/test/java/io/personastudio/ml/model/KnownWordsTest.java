package io.personastudio.ml.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownWordsTest {
  private static final Set<String> WORDS =
      Set.of("don't", "do", "dog", "привет", "a\uD83D\uDE00b", "42");

  @Test
  void continuationsGiveTheSameAnswersAsTheSetOfAllPrefixes() {
    Set<String> prefixes = new HashSet<>();
    for (String w : WORDS) {
      for (int end = 1; end <= w.length(); end++) {
        prefixes.add(w.substring(0, end));
      }
    }
    KnownWords known = KnownWords.of(WORDS);
    int[] alphabet = "dontg'привеab42xz ".codePoints().toArray();
    int checked = 0;
    for (String p : prefixes) {
      for (String prefix : new String[] {"", p}) {
        for (int cp : concat(alphabet, 0x1F600, 0xD83D)) {
          String longer = prefix + Character.toString(cp);
          assertThat(known.continuations(prefix).test(cp))
              .as(longer)
              .isEqualTo(prefixes.contains(longer));
          assertThat(known.isPrefix(longer)).as(longer).isEqualTo(prefixes.contains(longer));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(500);
    assertThat(known.continuations("a").test(0x1F600)).isTrue();
    assertThat(known.continuations("do").test('n')).isTrue();
    assertThat(known.continuations("do").test('x')).isFalse();
    assertThat(known.continuations("unknown").test('d')).isFalse();
  }

  @Test
  void onlyWholeWordsAreWords() {
    KnownWords known = KnownWords.of(WORDS);
    assertThat(known.isWord("dog")).isTrue();
    assertThat(known.isWord("don")).isFalse();
    assertThat(known.isPrefix("")).isFalse();
  }

  private static int[] concat(int[] a, int... more) {
    int[] out = java.util.Arrays.copyOf(a, a.length + more.length);
    System.arraycopy(more, 0, out, a.length, more.length);
    return out;
  }
}
