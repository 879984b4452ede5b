package io.personastudio.ml.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Multinomial naive Bayes over hashed character 1-4-grams: who wrote this line? */
final class SpeakerClassifier {
  private static final int BUCKETS = 1 << 17;

  private final List<String> speakers;
  private final float[][] logProb;
  private final float[] prior;

  SpeakerClassifier(Map<String, List<String>> linesBySpeaker) {
    speakers = new ArrayList<>(linesBySpeaker.keySet());
    logProb = new float[speakers.size()][BUCKETS];
    prior = new float[speakers.size()];
    double total = linesBySpeaker.values().stream().mapToInt(List::size).sum();
    for (int s = 0; s < speakers.size(); s++) {
      List<String> lines = linesBySpeaker.get(speakers.get(s));
      double[] counts = new double[BUCKETS];
      double sum = 0;
      for (String line : lines) {
        for (int h : grams(line)) {
          counts[h]++;
          sum++;
        }
      }
      for (int b = 0; b < BUCKETS; b++) {
        logProb[s][b] = (float) Math.log((counts[b] + 0.1) / (sum + 0.1 * BUCKETS));
      }
      prior[s] = (float) Math.log(lines.size() / total);
    }
  }

  String classify(String text) {
    int[] grams = grams(text);
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < speakers.size(); s++) {
      double score = prior[s];
      for (int h : grams) {
        score += logProb[s][h];
      }
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    return speakers.get(best);
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
