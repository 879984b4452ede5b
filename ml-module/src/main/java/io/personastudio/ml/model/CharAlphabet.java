package io.personastudio.ml.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Characters (Unicode code points) of the generator: index 0 is the boundary (separator after the
 * context prefix, and end of reply), 1 stands for any rare character, 2.. are the chat's characters
 * seen at least twice, most frequent first. Training and generation encode text the same way here.
 */
public final class CharAlphabet {
  public static final int BOUNDARY = 0;
  public static final int UNKNOWN = 1;

  private final int[] codePoints;
  private final Map<Integer, Integer> index = new HashMap<>();

  /**
   * @param codePoints code point of every index; entries 0 and 1 are ignored
   */
  public CharAlphabet(int[] codePoints) {
    if (codePoints.length < 2) {
      throw new IllegalArgumentException("alphabet needs the two special entries");
    }
    this.codePoints = codePoints.clone();
    for (int i = 2; i < codePoints.length; i++) {
      index.put(codePoints[i], i);
    }
  }

  /** The chat's characters seen at least twice, at most {@code maxSize} entries in all. */
  public static CharAlphabet build(Collection<String> texts, int maxSize) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (String t : texts) {
      t.codePoints().forEach(cp -> counts.merge(cp, 1, Integer::sum));
    }
    List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.removeIf(
        e -> e.getValue() < 2 || Character.isISOControl(e.getKey()) && e.getKey() != '\n');
    entries.sort(
        (a, b) ->
            a.getValue().equals(b.getValue())
                ? Integer.compare(a.getKey(), b.getKey())
                : Integer.compare(b.getValue(), a.getValue()));
    int n = Math.min(entries.size(), Math.max(0, maxSize - 2));
    int[] cps = new int[n + 2];
    cps[0] = -1;
    cps[1] = -1;
    for (int i = 0; i < n; i++) {
      cps[i + 2] = entries.get(i).getKey();
    }
    return new CharAlphabet(cps);
  }

  public int size() {
    return codePoints.length;
  }

  public int[] codePoints() {
    return codePoints.clone();
  }

  public int id(int codePoint) {
    return index.getOrDefault(codePoint, UNKNOWN);
  }

  /** The code point of an ordinary index (2 and up). */
  public int codePoint(int id) {
    return codePoints[id];
  }

  /** The last {@code maxChars} characters of the newest context turn, encoded. */
  public int[] prefix(String newestTurn, int maxChars) {
    int[] cps = newestTurn == null ? new int[0] : newestTurn.strip().codePoints().toArray();
    int from = Math.max(0, cps.length - maxChars);
    int[] out = new int[cps.length - from];
    for (int i = from; i < cps.length; i++) {
      out[i - from] = id(cps[i]);
    }
    return out;
  }

  /**
   * One training sequence: prefix, boundary, the reply's first {@code maxReplyChars} characters,
   * and a closing boundary when the reply fits.
   */
  public int[] sequence(String newestTurn, String reply, int prefixChars, int maxReplyChars) {
    int[] prefix = prefix(newestTurn, prefixChars);
    int[] r = reply.strip().codePoints().toArray();
    int m = Math.min(r.length, maxReplyChars);
    boolean closed = r.length <= maxReplyChars;
    int[] out = new int[prefix.length + 1 + m + (closed ? 1 : 0)];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    out[prefix.length] = BOUNDARY;
    for (int i = 0; i < m; i++) {
      out[prefix.length + 1 + i] = id(r[i]);
    }
    if (closed) {
      out[out.length - 1] = BOUNDARY;
    }
    return out;
  }

  public long fingerprint() {
    return Arrays.hashCode(codePoints);
  }
}
