package io.personastudio.ml.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who wrote this line? Multinomial naive Bayes over hashed character 1-4-grams, each speaker's
 * n-gram distribution smoothed towards the pooled distribution of all speakers (a Dirichlet prior
 * of weight {@value #PRIOR_WEIGHT} n-grams), equal prior for every speaker.
 *
 * <p>Pooled smoothing and equal priors were chosen by the classifier's own leave-one-out accuracy
 * on the protocol's held-out lines (mean recall over speakers 0.40 against 0.28 of add-0.1
 * smoothing with size priors, which gave lines of unseen n-grams to the speaker with the least
 * text), never by a persona model's score. See docs/BENCHMARKS-ml.md.
 */
final class SpeakerClassifier {
  private static final int BUCKETS = 1 << 17;
  private static final double PRIOR_WEIGHT = 300;

  private final List<String> speakers;
  private final Map<String, List<String>> linesBySpeaker;
  private final int[][] counts;
  private final long[] sizes;
  private final int[] pooled;
  private final long pooledSize;

  SpeakerClassifier(Map<String, List<String>> linesBySpeaker) {
    this.linesBySpeaker = Map.copyOf(linesBySpeaker);
    speakers = new ArrayList<>(linesBySpeaker.keySet());
    counts = new int[speakers.size()][BUCKETS];
    sizes = new long[speakers.size()];
    pooled = new int[BUCKETS];
    long total = 0;
    for (int s = 0; s < speakers.size(); s++) {
      for (String line : linesBySpeaker.get(speakers.get(s))) {
        int[] grams = grams(line);
        for (int h : grams) {
          counts[s][h]++;
          pooled[h]++;
        }
        sizes[s] += grams.length;
      }
      total += sizes[s];
    }
    pooledSize = total;
  }

  /** The speaker this line reads like, by every line the classifier was given. */
  String classify(String text) {
    return speakers.get(best(grams(text), -1));
  }

  /**
   * Per line of the speaker, in the order given: 1 if a classifier that never saw it attributes it
   * to them, else 0 (none for an unknown speaker). Their mean is the recall a new line of theirs
   * can expect, which recall on the lines themselves (near 1: the classifier remembers them) does
   * not tell; the lines themselves let a bootstrap resample that ceiling as well as the test cases.
   */
  double[] recognisedLeavingOneOut(String speaker) {
    int s = speakers.indexOf(speaker);
    List<String> lines = linesBySpeaker.getOrDefault(speaker, List.of());
    if (s < 0) {
      return new double[0];
    }
    return lines.stream().mapToDouble(l -> best(grams(l), s) == s ? 1 : 0).toArray();
  }

  /** Share of the lines (none given: 0) this classifier attributes to the speaker. */
  double shareAttributedTo(String speaker, List<String> lines) {
    return lines.isEmpty()
        ? 0
        : lines.stream().filter(l -> classify(l).equals(speaker)).count() / (double) lines.size();
  }

  /** Recall on the speaker's given lines themselves, each classified with itself known. */
  double recallOnOwnLines(String speaker) {
    return shareAttributedTo(speaker, linesBySpeaker.getOrDefault(speaker, List.of()));
  }

  /**
   * @param author the speaker whose counts hold these n-grams and lose them for this call, or -1
   */
  private int best(int[] grams, int author) {
    Map<Integer, Integer> own = new HashMap<>();
    if (author >= 0) {
      for (int h : grams) {
        own.merge(h, 1, Integer::sum);
      }
    }
    double poolSize = pooledSize - (author >= 0 ? grams.length : 0);
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < speakers.size(); s++) {
      double size = sizes[s] - (s == author ? grams.length : 0);
      double score = 0;
      for (int h : grams) {
        int mine = own.getOrDefault(h, 0);
        double background = (pooled[h] - mine + 0.1) / (poolSize + 0.1 * BUCKETS);
        double count = counts[s][h] - (s == author ? mine : 0);
        score += Math.log((count + PRIOR_WEIGHT * background) / (size + PRIOR_WEIGHT));
      }
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    return best;
  }

  private static int[] grams(String raw) {
    String text = "\u0002" + raw + "\u0003";
    int[] out = new int[text.length() * 4];
    int k = 0;
    for (int i = 0; i < text.length(); i++) {
      int h = 7;
      for (int n = 1; n <= 4 && i + n <= text.length(); n++) {
        h = h * 131 + text.charAt(i + n - 1);
        int mixed = (h + n) * 0x85EBCA6B;
        out[k++] = (mixed ^ (mixed >>> 13)) & (BUCKETS - 1);
      }
    }
    return java.util.Arrays.copyOf(out, k);
  }
}
