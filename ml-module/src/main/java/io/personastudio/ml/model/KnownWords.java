package io.personastudio.ml.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * The words of the training chat as the generator's decoding constraint: for every proper prefix of
 * a known word, the sorted code points that may follow it. One map look-up per decoding step
 * answers for the whole alphabet, where asking {@link #isPrefix} per character built a string and
 * hashed it for every character of the alphabet.
 */
final class KnownWords implements CharLstm.Words {
  private static final int[] NONE = new int[0];

  private final Set<String> words;
  private final Map<String, int[]> next;

  private KnownWords(Set<String> words, Map<String, int[]> next) {
    this.words = words;
    this.next = next;
  }

  /** Indexes the words (lower-cased, as the tokenizer gives them); the set is kept, not copied. */
  static KnownWords of(Set<String> words) {
    Map<String, TreeSet<Integer>> building = new HashMap<>();
    for (String w : words) {
      for (int end = 1; end <= w.length(); end++) {
        // "prefix + one char" and, across a surrogate pair, "prefix + one code point"
        building
            .computeIfAbsent(w.substring(0, end - 1), k -> new TreeSet<>())
            .add((int) w.charAt(end - 1));
        if (end >= 2 && Character.isSurrogatePair(w.charAt(end - 2), w.charAt(end - 1))) {
          building
              .computeIfAbsent(w.substring(0, end - 2), k -> new TreeSet<>())
              .add(w.codePointAt(end - 2));
        }
      }
    }
    Map<String, int[]> next = new HashMap<>(building.size() * 4 / 3 + 1);
    building.forEach(
        (prefix, cps) -> next.put(prefix, cps.stream().mapToInt(Integer::intValue).toArray()));
    return new KnownWords(words, next);
  }

  @Override
  public boolean isPrefix(String prefix) {
    if (prefix.isEmpty()) {
      return false;
    }
    int last = prefix.length() - 1;
    return follows(prefix.substring(0, last), prefix.charAt(last));
  }

  @Override
  public boolean isWord(String word) {
    return words.contains(word);
  }

  @Override
  public IntPredicate continuations(String prefix) {
    int[] allowed = next.getOrDefault(prefix, NONE);
    return cp -> Arrays.binarySearch(allowed, cp) >= 0;
  }

  private boolean follows(String prefix, int cp) {
    return Arrays.binarySearch(next.getOrDefault(prefix, NONE), cp) >= 0;
  }
}
