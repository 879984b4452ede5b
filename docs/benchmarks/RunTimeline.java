import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one upload's time went, read from the run's own rows and the batch repository's step rows:
 * {@code java -cp postgresql.jar RunTimeline.java <jdbc-url> <run-id> <posted-epoch-s>
 * <ready-epoch-s> <start-epoch-s>}. Prints one tab-separated line of seconds: POST and checks,
 * queue to job start, import step, export + worker start to its first progress line, training
 * (first to last progress line), publish (last progress line to the model's row), and READY seen by
 * the poll after that.
 */
public class RunTimeline {

  public static void main(String[] args) throws Exception {
    String run = args[1];
    double posted = Double.parseDouble(args[2]);
    double ready = Double.parseDouble(args[3]);
    double start = Double.parseDouble(args[4]);
    try (Connection c = DriverManager.getConnection(args[0], "postgres", "postgres")) {
      double started = seconds(c, "SELECT started_at FROM training_run WHERE id = ?::uuid", run);
      double imported =
          seconds(
              c,
              "SELECT i.imported_at FROM chat_import i JOIN training_run r"
                  + " ON r.persona_id = i.persona_id WHERE r.id = ?::uuid",
              run);
      double firstLoss =
          seconds(c, "SELECT min(recorded_at) FROM training_loss WHERE run_id = ?::uuid", run);
      double lastLoss =
          seconds(c, "SELECT max(recorded_at) FROM training_loss WHERE run_id = ?::uuid", run);
      double published =
          seconds(c, "SELECT created_at FROM model_version WHERE run_id = ?::uuid", run);
      List<String> cells = new ArrayList<>();
      for (double d :
          new double[] {
            posted - start,
            started - posted,
            imported - started,
            firstLoss - imported,
            lastLoss - firstLoss,
            published - lastLoss,
            ready - published
          }) {
        cells.add(String.format("%.2f", d));
      }
      System.out.println(String.join("\t", cells));
    }
  }

  private static double seconds(Connection c, String sql, String run) throws Exception {
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setString(1, run);
      try (ResultSet rs = q.executeQuery()) {
        Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
        return t == null ? Double.NaN : t.getTime() / 1000.0;
      }
    }
  }
}
