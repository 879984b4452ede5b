package io.personastudio.ml.model;

import io.personastudio.ml.text.Tokenizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a chat's most frequent words and blanks every other word to {@code x} (or {@code X} if it
 * starts with a capital), punctuation and spacing untouched: what is left of a line is how it is
 * written, not what it is about. The most frequent words of any chat are its function words (the,
 * you, I, what; и, не, я, что), which a writer uses the same way whatever the topic, so a style
 * model of masked lines still knows the person when the chat's topics change.
 */
final class TopicMask {
  private final Set<String> kept;
  private final List<String> sorted;

  TopicMask(Collection<String> kept) {
    this.kept = Set.copyOf(kept);
    this.sorted = this.kept.stream().sorted().toList();
  }

  /** The {@code size} most frequent words of the texts (ties by word, so the choice is stable). */
  static TopicMask mostFrequent(Collection<String> texts, int size) {
    Map<String, Integer> counts = new HashMap<>();
    for (String text : texts) {
      for (String word : Tokenizer.words(text)) {
        if (!word.equals("?") && !word.equals("!")) {
          counts.merge(word, 1, Integer::sum);
        }
      }
    }
    List<String> words =
        counts.entrySet().stream()
            .sorted(
                Map.Entry.<String, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(size)
            .map(Map.Entry::getKey)
            .toList();
    return new TopicMask(words);
  }

  /** The kept words, sorted (for the artifact). */
  List<String> kept() {
    return sorted;
  }

  /** The text with every word that is not kept blanked; words as {@link Tokenizer} reads them. */
  String apply(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      if (!Character.isLetterOrDigit(cp)) {
        out.appendCodePoint(cp);
        i += Character.charCount(cp);
        continue;
      }
      int end = Tokenizer.wordEnd(text, i);
      if (kept.contains(Tokenizer.word(text, i, end))) {
        out.append(text, i, end);
      } else {
        out.append(Character.isUpperCase(cp) ? 'X' : 'x');
      }
      i = end;
    }
    return out.toString();
  }
}
