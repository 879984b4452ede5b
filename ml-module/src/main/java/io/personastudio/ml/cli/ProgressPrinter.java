package io.personastudio.ml.cli;

import com.google.gson.JsonObject;
import io.personastudio.ml.train.TrainingListener;
import io.personastudio.ml.train.TrainingProgress;
import java.io.PrintStream;
import java.util.Locale;

/** Prints training progress to stderr: human lines, or one JSON object per line. */
final class ProgressPrinter implements TrainingListener {
  private final PrintStream err;
  private final boolean json;

  ProgressPrinter(PrintStream err, boolean json) {
    this.err = err;
    this.json = json;
  }

  @Override
  public void onProgress(TrainingProgress p) {
    if (json) {
      JsonObject o = new JsonObject();
      o.addProperty("event", "progress");
      o.addProperty("step", p.step());
      o.addProperty("totalSteps", p.totalSteps());
      o.addProperty("loss", p.loss());
      o.addProperty("elapsedSeconds", p.elapsed().toMillis() / 1000.0);
      o.addProperty("etaSeconds", p.eta().toMillis() / 1000.0);
      err.println(o);
    } else {
      err.printf(
          Locale.ROOT,
          "step %d/%d loss %.4f elapsed %ds eta %ds%n",
          p.step(),
          p.totalSteps(),
          p.loss(),
          p.elapsed().toSeconds(),
          p.eta().toSeconds());
    }
    err.flush();
  }
}
