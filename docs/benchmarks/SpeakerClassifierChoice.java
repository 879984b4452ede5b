import io.personastudio.ml.chat.*;
import io.personastudio.ml.dataset.*;
import io.personastudio.ml.model.Hyperparameters;
import io.personastudio.ml.train.PersonaTrainer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.*;

/**
 * How the evaluator's speaker classifier was chosen (docs/BENCHMARKS-ml.md): leave-one-out accuracy of
 * naive-Bayes smoothing variants on the held-out lines of the protocol's 8 corpus/person pairs.
 * Run: java -cp ml-module/target/persona-ml.jar docs/benchmarks/SpeakerClassifierChoice.java ../shared/corpora
 * Columns: mean recall over speakers (leave-one-out), recall of the person (leave-one-out, = the
 * ceiling), the same in sample (the old ceiling), share of the person's training lines labelled theirs.
 */
public class SpeakerClassifierChoice {
  static final int B = 1 << 17;

  record Variant(String name, double alpha, double mu, boolean uniformPrior, boolean skipUnseen) {
    Variant(String name, double alpha, double mu, boolean uniformPrior) { this(name, alpha, mu, uniformPrior, false); }
  }

  public static void main(String[] a) {
    String C = a[0];
    String[][] pairs = {
      {"rick-and-morty.telegram.json", "Rick"}, {"rick-and-morty.telegram.json", "Morty"},
      {"star-wars-iv.whatsapp.txt", "Luke"}, {"star-wars-iv.whatsapp.txt", "Han"},
      {"star-wars-v.whatsapp.txt", "Han"}, {"star-wars-v.whatsapp.txt", "Luke"},
      {"star-wars-vi.whatsapp.txt", "Han"}, {"star-wars-vi.whatsapp.txt", "Luke"}};
    List<Variant> variants = new ArrayList<>();
    variants.add(new Variant("add0.1", 0.1, 0, false));
    variants.add(new Variant("add1", 1, 0, false));
    variants.add(new Variant("add0.1-uni", 0.1, 0, true));
    for (double mu : new double[] {30, 100, 300, 1000, 3000, 10000}) {
      variants.add(new Variant("dir" + (int) mu, 0, mu, false));
      variants.add(new Variant("dir" + (int) mu + "-uni", 0, mu, true));
      variants.add(new Variant("dir" + (int) mu + "-uni-skip", 0, mu, true, true));
    }
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (String[] p : pairs) {
      ImportedChat chat = new ChatImporter().read(Path.of(C, p[0]), null);
      Participant person = chat.person(p[1]);
      Hyperparameters h = Hyperparameters.defaults();
      Dataset dataset = new DatasetBuilder(PersonaTrainer.datasetOptions(h, false)).build(chat.messages());
      Instant split = dataset.splitTime(0.2);
      List<Turn> testTurns = dataset.turns().stream().filter(t -> !t.start().isBefore(split))
          .filter(t -> t.ownWriting() && !t.text().equals(ChatMessage.MEDIA_MARKER)).toList();
      List<Turn> trainX = dataset.turns().stream().filter(t -> t.start().isBefore(split))
          .filter(t -> t.ownWriting() && t.senderId().equals(person.id()) && !t.text().equals(ChatMessage.MEDIA_MARKER)).toList();
      Map<String, List<String>> all = new LinkedHashMap<>();
      for (Turn t : testTurns) all.computeIfAbsent(t.senderId(), k -> new ArrayList<>()).add(t.text());
      Map<String, List<String>> main = new LinkedHashMap<>();
      main.put(person.id(), all.getOrDefault(person.id(), List.of()));
      all.entrySet().stream().filter(e -> !e.getKey().equals(person.id()))
          .filter(e -> e.getValue().size() >= 0.05 * testTurns.size())
          .sorted((x, y) -> y.getValue().size() - x.getValue().size()).limit(7)
          .forEach(e -> main.put(e.getKey(), e.getValue()));
      StringBuilder sb = new StringBuilder(p[0].substring(0, 12) + "/" + p[1] + " sizes=");
      main.forEach((k, v) -> sb.append(v.size()).append(' '));
      System.out.println(sb);
      for (Variant v : variants) {
        double[] r = run(main, person.id(), trainX.stream().map(Turn::text).toList(), v);
        System.out.printf("  %-12s looMacro %.3f looX %.3f inX %.3f trainXlabelledX %.3f ratio %.2f%n", v.name, r[0], r[1], r[2], r[3], r[1] > 0 ? r[3] / r[1] : Double.NaN);
        double[] s = sums.computeIfAbsent(v.name, k -> new double[5]);
        s[0] += r[0]; s[1] += r[1]; s[2] += r[2]; s[3] += r[3]; s[4]++;
      }
    }
    System.out.println("means:");
    sums.forEach((k, s) -> System.out.printf("  %-12s looMacro %.3f looX %.3f inX %.3f trainXlabelledX %.3f%n", k, s[0] / s[4], s[1] / s[4], s[2] / s[4], s[3] / s[4]));
  }

  /** [LOO macro recall, LOO recall of X, in-sample recall of X, share of X's training lines labelled X]. */
  static double[] run(Map<String, List<String>> main, String x, List<String> trainX, Variant v) {
    List<String> sp = new ArrayList<>(main.keySet());
    int S = sp.size();
    double[][] c = new double[S][B];
    double[] n = new double[S];
    double[] all = new double[B];
    double nAll = 0;
    int[] lines = new int[S];
    int total = 0;
    for (int s = 0; s < S; s++) {
      for (String l : main.get(sp.get(s))) {
        for (int g : grams(l)) { c[s][g]++; n[s]++; all[g]++; nAll++; }
        lines[s]++; total++;
      }
    }
    double macro = 0; double looX = 0; double inX = 0;
    for (int s = 0; s < S; s++) {
      int hit = 0; int hitIn = 0;
      for (String l : main.get(sp.get(s))) {
        int[] g = grams(l);
        if (classify(g, c, n, all, nAll, lines, total, v, s) == s) hit++;
        if (classify(g, c, n, all, nAll, lines, total, v, -1) == s) hitIn++;
      }
      double rec = main.get(sp.get(s)).isEmpty() ? 0 : hit / (double) main.get(sp.get(s)).size();
      macro += rec;
      if (sp.get(s).equals(x)) { looX = rec; inX = hitIn / (double) main.get(sp.get(s)).size(); }
    }
    int xs = sp.indexOf(x);
    int lab = 0;
    for (String l : trainX) if (classify(grams(l), c, n, all, nAll, lines, total, v, -1) == xs) lab++;
    return new double[] {macro / S, looX, inX, trainX.isEmpty() ? 0 : lab / (double) trainX.size()};
  }

  /** leaveOut = speaker whose counts lose this line's grams (LOO), or -1. */
  static int classify(int[] g, double[][] c, double[] n, double[] all, double nAll, int[] lines, int total, Variant v, int leaveOut) {
    int S = c.length;
    Map<Integer, Integer> own = new HashMap<>();
    for (int h : g) own.merge(h, 1, Integer::sum);
    int best = -1; double bestScore = Double.NEGATIVE_INFINITY;
    double nAllL = leaveOut >= 0 ? nAll - g.length : nAll;
    for (int s = 0; s < S; s++) {
      boolean lo = s == leaveOut;
      double ns = lo ? n[s] - g.length : n[s];
      int ls = lo ? lines[s] - 1 : lines[s];
      int tot = leaveOut >= 0 ? total - 1 : total;
      if (ls <= 0) continue;
      double score = v.uniformPrior ? 0 : Math.log(ls / (double) tot);
      for (int h : g) {
        if (v.skipUnseen && (leaveOut >= 0 ? all[h] - own.get(h) : all[h]) <= 0) continue;
        double cs = lo ? c[s][h] - own.get(h) : c[s][h];
        double p;
        if (v.mu > 0) {
          double ca = leaveOut >= 0 ? all[h] - own.get(h) : all[h];
          double bg = (ca + 0.1) / (nAllL + 0.1 * B);
          p = (cs + v.mu * bg) / (ns + v.mu);
        } else {
          p = (cs + v.alpha) / (ns + v.alpha * B);
        }
        score += Math.log(p);
      }
      if (score > bestScore) { bestScore = score; best = s; }
    }
    return best;
  }

  static int[] grams(String raw) {
    String text = "\u0002" + raw + "\u0003";
    int[] out = new int[text.length() * 4];
    int k = 0;
    for (int i = 0; i < text.length(); i++) {
      int h = 7;
      for (int m = 1; m <= 4 && i + m <= text.length(); m++) {
        h = h * 131 + text.charAt(i + m - 1);
        int mixed = (h + m) * 0x85EBCA6B;
        out[k++] = (mixed ^ (mixed >>> 13)) & (B - 1);
      }
    }
    return Arrays.copyOf(out, k);
  }
}
