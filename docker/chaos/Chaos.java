import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster's chaos test: a mixed load through the load balancer while nodes are killed one at a
 * time and PostgreSQL is restarted once, then a verdict on what users lost. Only the JDK and the
 * docker CLI; run by {@code docker/chaos.sh}, which builds and starts the stack first:
 *
 * <pre>java docker/chaos/Chaos.java RESULTS_FILE</pre>
 *
 * Settings come from the environment chaos.sh sets (CHAOS_LB, CHAOS_FAKE, CHAOS_DB_CONTAINER,
 * CHAOS_DB_PORT, CHAOS_NODES = "container=httpPort ...", CHAOS_USERS, CHAOS_CHATS).
 *
 * <p>Load: signed-in users browse their dashboard and persona page, chat with their persona in
 * the page's JSF form (a PrimeFaces AJAX post-back of the view the node made) and over REST;
 * Telegram users write to the fake Bot API, some of them bound to personas by access tokens;
 * trainings run. Faults: the node running a training is killed mid-run, then the bot's polling
 * leader, then a third node, each with {@code docker kill -s KILL} and started again; then
 * PostgreSQL is restarted. A failed request counts against the cluster unless it was in flight
 * on a node at the instant that node was killed, or ran while the database was down.
 */
public final class Chaos {

  private static final String PASSWORD = "Chaos-password-2026!";
  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern PARTIAL_VIEW_STATE =
      Pattern.compile("<update id=\"[^\"]*jakarta.faces.ViewState[^\"]*\"><!\\[CDATA\\[([^\\]]+)\\]\\]>");
  private static final Pattern CHAT_FORM =
      Pattern.compile("<form id=\"chat\"[^>]*action=\"([^\"]+)\"");
  private static final Pattern VIEW_TOKEN = Pattern.compile("jakarta\\.faces\\.Token=([^&\"]+)");

  private final URI lb = URI.create(env("CHAOS_LB", "http://127.0.0.1:18080/"));
  private final URI fake = URI.create(env("CHAOS_FAKE", "http://127.0.0.1:18099/"));
  private final String dbContainer = env("CHAOS_DB_CONTAINER", "persona-host_db_1");
  private final String dbPort = env("CHAOS_DB_PORT", "15432");
  private final Map<String, Integer> nodes = nodes(env("CHAOS_NODES",
      "persona-host_node1_1=18081 persona-host_node2_1=18082 persona-host_node3_1=18083"));
  private final int userCount = Integer.parseInt(env("CHAOS_USERS", "6"));
  private final int chatCount = Integer.parseInt(env("CHAOS_CHATS", "8"));
  private final String runTag = Long.toString(System.currentTimeMillis(), 36);
  private final HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final ConcurrentLinkedQueue<Req> requests = new ConcurrentLinkedQueue<>();
  private final List<long[]> kills = Collections.synchronizedList(new ArrayList<>());
  private final List<long[]> dbDown = Collections.synchronizedList(new ArrayList<>());
  private final Map<Long, AtomicInteger> telegramSent = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> runNodes = new ConcurrentHashMap<>();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean loadOn = new AtomicBoolean();
  private final long t0 = System.currentTimeMillis();

  /** The run cannot go on: the stack failed in a way the verdict cannot weigh. */
  static final class Abort extends RuntimeException {
    Abort(String message) {
      super(message);
    }
  }

  record Req(String kind, long start, long end, boolean ok, boolean signedOut, String detail) {}

  public static void main(String[] args) throws Exception {
    Path results = Path.of(args.length > 0 ? args[0] : "chaos-results.txt");
    System.exit(new Chaos().run(results));
  }

  private int run(Path results) throws Exception {
    say("waiting for the load balancer to serve a ready node");
    await("the stack ready", Duration.ofMinutes(10), () -> status(lb.resolve("health/ready")) == 200);
    Thread watcher = daemon("watch-runs", this::watchTrainingWorkers);
    List<User> users = new ArrayList<>();
    String bigChat = whatsAppChat(1, 900);
    for (int i = 1; i <= userCount; i++) {
      User user = new User(i);
      user.register();
      user.personaId = user.createPersona(i == 1 ? bigChat : whatsAppChat(i, 160), "Persona " + i);
      users.add(user);
    }
    say("set-up: " + userCount + " personas training");
    for (User user : users) {
      await(user.email + " READY", Duration.ofMinutes(20), () -> "READY".equals(user.personaStatus()));
    }
    String reference = users.get(0).lastRun;
    Map<String, Set<String>> setupSpread = new HashMap<>(runNodes);
    say("set-up trainings ran on: " + setupSpread);
    for (User user : users) {
      user.signIn();
    }
    List<Long> chats = new ArrayList<>();
    Map<Long, Integer> expected = new ConcurrentHashMap<>();
    for (int c = 0; c < chatCount; c++) {
      long chat = 7000 + c;
      chats.add(chat);
      expected.put(chat, 0);
    }
    for (int c = 0; c < Math.min(3, users.size()); c++) {
      String token = users.get(c).accessToken();
      telegram(chats.get(c), "/start " + token);
      expected.merge(chats.get(c), 1, Integer::sum);
    }

    say("load on: " + users.size() + " web users, " + chats.size() + " Telegram chats");
    loadOn.set(true);
    List<Thread> load = new ArrayList<>();
    for (User user : users) {
      load.add(daemon("user-" + user.index, user::browse));
    }
    load.add(daemon("telegram", () -> telegramStream(chats, expected)));
    Thread.sleep(15_000);

    // a training during the load, the same chat and seed as the reference: its node is killed
    User first = users.get(0);
    String victim = first.createPersonaRun(bigChat, "Persona 1 again");
    String retrain2 = users.get(1).retrain();
    String retrain3 = users.get(2).retrain();
    await("the victim run checkpointed", Duration.ofMinutes(10),
        () -> longQuery("SELECT coalesce(max(step),0) FROM training_checkpoint WHERE run_id='" + victim + "'") > 0
            && nodeRunning(victim) != null);
    String victimNode = nodeRunning(victim);
    kill(victimNode, "it runs training " + victim);
    Thread.sleep(20_000);
    start(victimNode);

    await("a Telegram leader", Duration.ofMinutes(3), () -> telegramLeader() != null);
    String leader = telegramLeader();
    long leaderKilled = kill(leader, "it polls Telegram");
    Thread.sleep(20_000);
    start(leader);

    String third = nodes.keySet().stream().filter(n -> !n.equals(victimNode) && !n.equals(leader))
        .findFirst().orElse(nodes.keySet().iterator().next());
    kill(third, "the last one not yet killed");
    Thread.sleep(20_000);
    start(third);

    Map<String, Long> before = counts();
    long down = System.currentTimeMillis();
    say("restarting PostgreSQL (" + dbContainer + ")");
    docker("restart", "-t", "5", dbContainer);
    await("every node ready after the database restart", Duration.ofMinutes(5), this::allNodesReady);
    long up = System.currentTimeMillis();
    dbDown.add(new long[] {down, up});
    say(String.format("database back: every node ready again %.1f s after the restart began", (up - down) / 1e3));
    Thread.sleep(20_000);

    loadOn.set(false);
    for (Thread t : load) {
      t.join(60_000);
    }
    say("load off; draining Telegram replies and trainings");
    await("every Telegram update answered", Duration.ofSeconds(120), () -> telegramMatches(expected));
    Thread.sleep(3000); // a duplicate would arrive now
    for (String run : List.of(victim, retrain2, retrain3)) {
      await("run " + run + " finished", Duration.ofMinutes(15),
          () -> query("SELECT status FROM training_run WHERE id='" + run + "'").matches("COMPLETED|FAILED|CANCELLED"));
    }
    Map<String, Long> after = counts();
    watcher.interrupt();
    return verdict(results, users, expected, reference, victim, List.of(retrain2, retrain3),
        victimNode, leaderKilled, before, after, setupSpread, up - down);
  }

  // ---- verdict -----------------------------------------------------------------------------

  private int verdict(Path results, List<User> users, Map<Long, Integer> expected, String reference,
      String victim, List<String> retrains, String victimNode, long leaderKilled,
      Map<String, Long> before, Map<String, Long> after, Map<String, Set<String>> setupSpread,
      long dbRecoveryMillis) throws Exception {
    List<String> failures = new ArrayList<>();
    List<Req> all = new ArrayList<>(requests);
    long signedOut = all.stream().filter(Req::signedOut).count();
    List<Req> failed = all.stream().filter(r -> !r.ok()).toList();
    List<Req> atKill = failed.stream().filter(this::inFlightAtKill).toList();
    List<Req> inDbRestart = failed.stream().filter(r -> !inFlightAtKill(r) && duringDbRestart(r)).toList();
    List<Req> unexcused = failed.stream().filter(r -> !inFlightAtKill(r) && !duringDbRestart(r)).toList();
    check(failures, signedOut == 0, "web sessions lost: " + signedOut);
    check(failures, unexcused.isEmpty(), "failed requests beyond those in flight at a kill: " + unexcused.size()
        + (unexcused.isEmpty() ? "" : " e.g. " + unexcused.subList(0, Math.min(5, unexcused.size()))));

    int lost = 0;
    int twice = 0;
    int twiceAtKill = 0;
    for (var e : expected.entrySet()) {
      List<Sent> sent = sentTo(e.getKey());
      lost += Math.max(0, e.getValue() - sent.size());
      int extra = Math.max(0, sent.size() - e.getValue());
      int resent = Math.min(extra, resentAfterKill(sent));
      twice += extra;
      twiceAtKill += resent;
      if (extra > 0) {
        say("chat " + e.getKey() + ": " + extra + " extra answers, " + resent + " of them a reply the"
            + " killed leader sent but had not acknowledged, sent again by the next one");
      }
    }
    int updates = expected.values().stream().mapToInt(Integer::intValue).sum();
    check(failures, lost == 0, "Telegram updates lost: " + lost + " of " + updates);
    check(failures, twice == twiceAtKill,
        "Telegram updates answered twice beyond replies in flight at a leader's death: " + (twice - twiceAtKill));
    // polls from the moment the kill command returned (the dying leader's last one may land while
    // it runs), timed from the moment it was issued
    long leaderDead = kills.stream().filter(k -> k[0] == leaderKilled).mapToLong(k -> k[1]).findFirst().orElse(leaderKilled);
    List<Long> polls = longList(getJson(fake.resolve("fake/polls?since=" + leaderDead)));
    double takeOver = polls.isEmpty() ? Double.NaN : (polls.get(0) - leaderKilled) / 1e3;
    check(failures, !polls.isEmpty() && takeOver <= 5.0,
        String.format("bot polling again %.2f s after its leader was killed (limit 5 s)", takeOver));

    String refDigest = query("SELECT md5(artifact) FROM model_version WHERE run_id='" + reference + "'");
    String victimDigest = query("SELECT md5(artifact) FROM model_version WHERE run_id='" + victim + "'");
    Set<String> victimRanOn = runNodes.getOrDefault(victim, Set.of());
    long notCompleted = 0;
    for (String run : concat(List.of(victim), retrains)) {
      if (!"COMPLETED".equals(query("SELECT status FROM training_run WHERE id='" + run + "'"))) {
        notCompleted++;
      }
    }
    check(failures, notCompleted == 0, "trainings lost or failed: " + notCompleted + " of " + (1 + retrains.size()));
    check(failures, !victimDigest.isEmpty() && victimDigest.equals(refDigest),
        "killed run's model " + victimDigest + " vs uninterrupted run's " + refDigest);
    check(failures, victimRanOn.size() >= 2 && victimRanOn.contains(victimNode),
        "the killed run finished on another node: ran on " + victimRanOn);
    Set<String> spread = new TreeSet<>();
    setupSpread.values().forEach(spread::addAll);
    check(failures, spread.size() >= 2, "set-up trainings spread over nodes: " + spread);
    for (String table : before.keySet()) {
      check(failures, after.get(table) >= before.get(table),
          "rows of " + table + " after the database restart: " + before.get(table) + " -> " + after.get(table));
    }

    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("requests", String.valueOf(all.size()));
    figures.put("web sessions lost", String.valueOf(signedOut));
    figures.put("failed requests (unexcused)", String.valueOf(unexcused.size()));
    figures.put("failed requests in flight at a kill", String.valueOf(atKill.size()));
    figures.put("failed requests while the database restarted", String.valueOf(inDbRestart.size()));
    figures.put("load balancer retries / redispatches", lbRetries());
    figures.put("Telegram updates / lost / answered twice", updates + " / " + lost + " / " + twice
        + " (" + twiceAtKill + " in flight at a leader's death)");
    figures.put("bot take-over after leader kill (s)", String.format("%.2f", takeOver));
    figures.put("trainings completed / started under load", (1 + retrains.size() - notCompleted) + " / " + (1 + retrains.size()));
    figures.put("killed run: nodes / same model", victimRanOn + " / " + victimDigest.equals(refDigest));
    figures.put("set-up trainings per node", setupSpread.values().stream().flatMap(Set::stream)
        .collect(java.util.stream.Collectors.groupingBy(n -> n, java.util.TreeMap::new, java.util.stream.Collectors.counting())).toString());
    figures.put("nodes ready after database restart (s)", String.format("%.1f", dbRecoveryMillis / 1e3));
    figures.put("rows before / after database restart", before + " / " + after);
    for (String kind : List.of("page", "webchat", "restchat")) {
      figures.put("p50 / p95 " + kind + " (ms)", percentile(kind, 50) + " / " + percentile(kind, 95));
    }
    StringBuilder out = new StringBuilder();
    out.append("chaos run ").append(runTag).append(", ").append(java.time.Instant.now()).append('\n');
    figures.forEach((k, v) -> out.append(String.format("  %-48s %s%n", k, v)));
    out.append(failures.isEmpty() ? "VERDICT: PASS\n" : "VERDICT: FAIL\n");
    failures.forEach(f -> out.append("  FAILED: ").append(f).append('\n'));
    out.append("timeline:\n");
    log.forEach(l -> out.append("  ").append(l).append('\n'));
    System.out.print(out);
    Files.writeString(results, out.toString());
    return failures.isEmpty() ? 0 : 1;
  }

  private boolean inFlightAtKill(Req r) {
    synchronized (kills) {
      // the request was open while the node died (between the kill command and its answer)
      return kills.stream().anyMatch(k -> r.start() <= k[1] && r.end() >= k[0]);
    }
  }

  private boolean duringDbRestart(Req r) {
    synchronized (dbDown) {
      return dbDown.stream().anyMatch(w -> r.end() >= w[0] && r.start() <= w[1]);
    }
  }

  private static void check(List<String> failures, boolean ok, String what) {
    if (!ok) {
      failures.add(what);
    }
  }

  private String percentile(String kind, int p) {
    List<Long> sample = new ArrayList<>();
    for (Req r : requests) {
      if (r.kind().equals(kind) && r.ok()) {
        sample.add(r.end() - r.start());
      }
    }
    if (sample.isEmpty()) {
      return "-";
    }
    Collections.sort(sample);
    return String.valueOf(sample.get(Math.max(0, (int) Math.ceil(p / 100.0 * sample.size()) - 1)));
  }

  private String lbRetries() {
    try {
      URI stats = URI.create(env("CHAOS_LB_STATS", "http://127.0.0.1:18404/stats;csv"));
      String csv = api.send(HttpRequest.newBuilder(stats).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
      String[] header = csv.lines().findFirst().orElse("").replace("# ", "").split(",");
      int retr = List.of(header).indexOf("wretr");
      int redis = List.of(header).indexOf("wredis");
      for (String line : csv.lines().toList()) {
        String[] f = line.split(",", -1);
        if (f.length > Math.max(retr, redis) && f[0].equals("nodes") && f[1].equals("BACKEND")) {
          return f[retr] + " / " + f[redis];
        }
      }
      return "?";
    } catch (Exception e) {
      return "? (" + e.getMessage() + ")";
    }
  }

  // ---- faults --------------------------------------------------------------------------------

  private long kill(String container, String why) throws Exception {
    long at = System.currentTimeMillis();
    docker("kill", "-s", "KILL", container);
    // the node died somewhere between the command and its answer
    kills.add(new long[] {at, System.currentTimeMillis()});
    say("killed " + container + " (" + why + ")");
    return at;
  }

  private void start(String container) throws Exception {
    docker("start", container);
    say("started " + container + " again");
    await(container + " ready again", Duration.ofMinutes(6),
        () -> status(URI.create("http://127.0.0.1:" + nodes.get(container) + "/health/ready")) == 200);
    say(container + " ready again");
  }

  private boolean allNodesReady() {
    return nodes.values().stream()
        .allMatch(port -> status(URI.create("http://127.0.0.1:" + port + "/health/ready")) == 200);
  }

  /** The node whose current life logged taking the polling lock last, without giving it up since. */
  private String telegramLeader() {
    for (String node : nodes.keySet()) {
      try {
        String started = docker("inspect", "-f", "{{.State.StartedAt}}", node).strip();
        String out = docker("logs", "--since", started, node);
        int holds = out.lastIndexOf("holds the Telegram polling lock");
        int stopped = out.lastIndexOf("stopped polling Telegram");
        if (holds >= 0 && holds > stopped && docker("inspect", "-f", "{{.State.Running}}", node).strip().equals("true")) {
          return node;
        }
      } catch (Exception e) {
        // not running: not the leader
      }
    }
    return null;
  }

  private String nodeRunning(String run) {
    Set<String> on = runNodes.get(run);
    if (on == null) {
      return null;
    }
    for (String node : nodes.keySet()) {
      if (on.contains(node) && workerRunsOn(node, run)) {
        return node;
      }
    }
    return null;
  }

  private boolean workerRunsOn(String node, String run) {
    try {
      return docker("top", node, "-eo", "pid,args").contains(run);
    } catch (Exception e) {
      return false;
    }
  }

  /** Notes, every half second, on which node each run's training worker runs. */
  private void watchTrainingWorkers() {
    Pattern run = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    while (!Thread.currentThread().isInterrupted()) {
      for (String node : nodes.keySet()) {
        try {
          for (String line : docker("top", node, "-eo", "pid,args").lines().toList()) {
            if (line.contains("persona-ml.jar")) {
              Matcher m = run.matcher(line);
              while (m.find()) {
                runNodes.computeIfAbsent(m.group(), k -> ConcurrentHashMap.newKeySet()).add(node);
              }
            }
          }
        } catch (Exception e) {
          // a node that is down runs nothing
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  // ---- Telegram ------------------------------------------------------------------------------

  private void telegramStream(List<Long> chats, Map<Long, Integer> expected) {
    Random random = new Random(7);
    int i = 0;
    while (loadOn.get()) {
      long chat = chats.get(i % chats.size());
      try {
        telegram(chat, "message " + i + " about the " + (random.nextBoolean() ? "movie" : "weather"));
        expected.merge(chat, 1, Integer::sum);
      } catch (Exception e) {
        say("the fake Bot API refused a message: " + e);
      }
      i++;
      sleep(2500 / chats.size() + 50);
    }
  }

  private void telegram(long chat, String text) throws Exception {
    String form = "chat_id=" + chat + "&user_id=" + chat + "&text=" + enc(text);
    HttpResponse<String> r = api.send(HttpRequest.newBuilder(fake.resolve("fake/messages"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("fake/messages " + r.statusCode() + " " + r.body());
    }
  }

  record Sent(String text, long at) {}

  private List<Sent> sentTo(long chat) throws Exception {
    List<Sent> sent = new ArrayList<>();
    for (String object : jsonObjects(getJson(fake.resolve("fake/sent?chat_id=" + chat)))) {
      Matcher text = Pattern.compile("\"text\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(object);
      Matcher at = Pattern.compile("\"at\"\\s*:\\s*(\\d+)").matcher(object);
      if (text.find() && at.find()) {
        sent.add(new Sent(text.group(1), Long.parseLong(at.group(1))));
      }
    }
    return sent;
  }

  /**
   * Answers of a chat that repeat, word for word, one the fake took in the last 3 s before a node
   * was killed and that came again within 30 s after it: the dead leader's sent but unacknowledged
   * replies, which the next leader takes over (docs/BOT.md, "Exactly once").
   */
  private int resentAfterKill(List<Sent> sent) {
    int resent = 0;
    synchronized (kills) {
      for (long[] kill : kills) {
        for (int i = 0; i < sent.size(); i++) {
          Sent first = sent.get(i);
          if (first.at() < kill[0] - 3000 || first.at() > kill[1]) {
            continue;
          }
          for (int j = i + 1; j < sent.size(); j++) {
            Sent again = sent.get(j);
            if (again.at() >= kill[0] && again.at() <= kill[1] + 30_000 && again.text().equals(first.text())) {
              resent++;
              break;
            }
          }
        }
      }
    }
    return resent;
  }

  /** The top-level objects of a JSON text, as text (strings may hold braces). */
  private static List<String> jsonObjects(String json) {
    List<String> objects = new ArrayList<>();
    int depth = 0;
    int start = -1;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        if (depth++ == 1) {
          start = i;
        }
      } else if (c == '}') {
        if (--depth == 1 && start >= 0) {
          objects.add(json.substring(start, i + 1));
        }
      }
    }
    return objects;
  }

  private boolean telegramMatches(Map<Long, Integer> expected) {
    try {
      for (var e : expected.entrySet()) {
        if (sentTo(e.getKey()).size() < e.getValue()) {
          return false;
        }
      }
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  // ---- web users -----------------------------------------------------------------------------

  private final class User {
    final int index;
    final String email;
    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
        .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    String jwt;
    String personaId;
    String personaName;
    String lastRun;
    String viewToken;

    User(int index) {
      this.index = index;
      this.email = "chaos-" + index + "-" + runTag + "@chaos.invalid";
    }

    void register() throws Exception {
      HttpResponse<String> r = api.send(json("api/v1/accounts",
          "{\"email\":\"%s\",\"displayName\":\"Chaos %d\",\"password\":\"%s\"}".formatted(email, index, PASSWORD)),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 201 && r.statusCode() != 202) {
        throw new IllegalStateException(email + ": register " + r.statusCode() + " " + r.body());
      }
      token();
    }

    void token() throws Exception {
      HttpResponse<String> r = api.send(json("api/v1/auth/token",
          "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD)), HttpResponse.BodyHandlers.ofString());
      jwt = field(r.body(), "accessToken");
    }

    String createPersona(String chat, String name) throws Exception {
      personaName = name + " " + runTag;
      String body = createRun(chat, personaName);
      lastRun = field(body, "trainingRun");
      return field(body, "id");
    }

    String createPersonaRun(String chat, String name) throws Exception {
      return field(createRun(chat, name + " " + runTag), "trainingRun");
    }

    private String createRun(String chat, String name) throws Exception {
      String boundary = "chaos" + UUID.randomUUID();
      String body = part(boundary, "name", null, name) + part(boundary, "person", null, "Mira")
          + part(boundary, "scrub", null, "false") + part(boundary, "seed", null, "42")
          + part(boundary, "consent", null, "true")
          + part(boundary, "file", "chat.txt", chat) + "--" + boundary + "--\r\n";
      HttpResponse<String> r = api.send(authed("api/v1/personas")
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 201) {
        throw new IllegalStateException(email + ": create persona " + r.statusCode() + " " + r.body());
      }
      return r.body();
    }

    String retrain() throws Exception {
      HttpResponse<String> r = api.send(authed("api/v1/personas/" + personaId + "/retrain")
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(email + ": retrain " + r.statusCode() + " " + r.body());
      }
      return field(r.body(), "trainingRun");
    }

    String personaStatus() {
      try {
        HttpResponse<String> r = api.send(authed("api/v1/personas/" + personaId).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 401) {
          token();
          return "?";
        }
        String status = field(r.body(), "status");
        if ("FAILED".equals(status)) {
          throw new Abort(email + ": training failed: " + r.body());
        }
        return status;
      } catch (IOException | InterruptedException e) {
        return "?";
      } catch (Exception e) {
        throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
      }
    }

    String accessToken() throws Exception {
      HttpResponse<String> r = api.send(authed("api/v1/personas/" + personaId + "/tokens")
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"chaos\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 201) {
        throw new IllegalStateException(email + ": token " + r.statusCode() + " " + r.body());
      }
      return field(r.body(), "token");
    }

    void signIn() throws Exception {
      HttpResponse<String> page = browser.send(get("signin.xhtml"), HttpResponse.BodyHandlers.ofString());
      String viewState = group(VIEW_STATE, page.body(), "no view state on the sign-in page");
      String form = "signin=signin&signin%3Aemail=" + enc(email) + "&signin%3Apassword=" + enc(PASSWORD)
          + "&signin%3Asubmit=&jakarta.faces.ViewState=" + enc(viewState);
      HttpResponse<String> after = browser.send(HttpRequest.newBuilder(lb.resolve("signin.xhtml"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      if (!after.body().contains(personaName)) {
        throw new IllegalStateException(email + ": sign-in did not reach the dashboard (" + after.uri() + ")");
      }
      viewToken = group(VIEW_TOKEN, after.body(), email + ": no view token on the dashboard");
      token();
    }

    void browse() {
      Random random = new Random(index);
      int turn = 0;
      while (loadOn.get()) {
        page("app/dashboard.xhtml?jakarta.faces.Token=" + viewToken);
        String persona = page("app/persona.xhtml?id=" + personaId + "&jakarta.faces.Token=" + viewToken);
        if (persona != null) {
          String viewState = find(VIEW_STATE, persona);
          String action = find(CHAT_FORM, persona);
          // the form the node just made is posted back twice, each time to whichever node is next
          for (int k = 0; k < 2 && viewState != null && action != null && loadOn.get(); k++) {
            sleep(300 + random.nextInt(400));
            viewState = webChat(action.replace("&amp;", "&"), viewState, "hello " + index + "-" + turn++);
          }
        }
        restChat("how was the " + (turn % 2 == 0 ? "movie" : "weather") + " yesterday?");
        sleep(300 + random.nextInt(400));
        if (turn % 10 == 0) {
          try {
            token(); // a fresh API token now and then, as the site does
          } catch (Exception e) {
            // the next chat call reports it
          }
        }
      }
    }

    private String page(String path) {
      long start = System.currentTimeMillis();
      try {
        HttpResponse<String> r = browser.send(get(path), HttpResponse.BodyHandlers.ofString());
        boolean signedOut = r.uri().getPath().contains("signin") || r.body().contains("id=\"signin\"");
        boolean ok = r.statusCode() == 200 && r.body().contains(personaName) && !signedOut;
        record("page", start, ok, signedOut, r.statusCode() + " " + path);
        return ok ? r.body() : null;
      } catch (IOException e) {
        record("page", start, false, false, e.toString());
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }

    /** A PrimeFaces AJAX post-back of the chat form; the new view state, or null. */
    private String webChat(String action, String viewState, String message) {
      long start = System.currentTimeMillis();
      String form = "jakarta.faces.partial.ajax=true&jakarta.faces.source=chat%3Asend"
          + "&jakarta.faces.partial.execute=chat&jakarta.faces.partial.render=chat%3Alines+chat%3Amessage"
          + "&chat%3Asend=chat%3Asend&chat=chat&chat%3Amessage=" + enc(message)
          + "&jakarta.faces.ViewState=" + enc(viewState);
      try {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(lb.resolve(action))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
            .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        boolean expired = r.body().contains("ViewExpired") || r.body().contains("<redirect");
        boolean ok = r.statusCode() == 200 && r.body().contains("<partial-response")
            && r.body().contains(message) && !r.body().contains("<error>");
        record("webchat", start, ok, expired, r.statusCode() + " " + abbreviate(r.body()));
        String next = find(PARTIAL_VIEW_STATE, r.body());
        return ok ? (next != null ? next : viewState) : null;
      } catch (IOException e) {
        record("webchat", start, false, false, e.toString());
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }

    private void restChat(String line) {
      long start = System.currentTimeMillis();
      try {
        HttpResponse<String> r = api.send(authed("api/v1/personas/" + personaId + "/chat")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[\"" + line + "\"]}")).build(),
            HttpResponse.BodyHandlers.ofString());
        record("restchat", start, r.statusCode() == 200 && r.body().contains("\"reply\""), false,
            r.statusCode() + " " + abbreviate(r.body()));
      } catch (IOException e) {
        record("restchat", start, false, false, e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private HttpRequest.Builder authed(String path) {
      return HttpRequest.newBuilder(lb.resolve(path)).timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + jwt);
    }
  }

  private void record(String kind, long start, boolean ok, boolean signedOut, String detail) {
    requests.add(new Req(kind, start, System.currentTimeMillis(), ok, signedOut, ok ? "" : detail));
  }

  /** Treats http://127.0.0.1 as a secure context, as browsers do, so the Secure cookie returns. */
  private static final class LoopbackCookies extends CookieHandler {
    private final CookieManager jar = new CookieManager();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
      return jar.get(secure(uri), headers);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
      jar.put(secure(uri), headers);
    }

    private static URI secure(URI uri) {
      return URI.create("https" + uri.toString().substring(uri.getScheme().length()));
    }
  }

  // ---- database, docker, HTTP ----------------------------------------------------------------

  private Map<String, Long> counts() throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("account", "persona", "model_version", "access_token", "chat_message", "telegram_update")) {
      counts.put(table, longQuery("SELECT count(*) FROM " + table));
    }
    return counts;
  }

  private long longQuery(String sql) {
    String v = query(sql);
    return v.isEmpty() ? 0 : Long.parseLong(v);
  }

  private String query(String sql) {
    return dockerUnchecked("exec", dbContainer, "psql", "-X", "-At", "-h", "/var/run/postgresql", "-p", dbPort,
        "-U", "persona", "-d", "persona", "-c", sql).strip();
  }

  private static String dockerUnchecked(String... args) {
    try {
      return docker(args);
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static String docker(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + ": " + out.strip());
    }
    return out;
  }

  private int status(URI uri) {
    try {
      return api.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private String getJson(URI uri) throws Exception {
    return api.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(lb.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
  }

  private HttpRequest json(String path, String body) {
    return HttpRequest.newBuilder(lb.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
    long end = System.currentTimeMillis() + limit.toMillis();
    String lastError = "";
    while (true) {
      boolean met = false;
      try {
        met = condition.getAsBoolean();
      } catch (Abort e) {
        throw e;
      } catch (RuntimeException e) {
        lastError = " (last: " + e.getMessage() + ")";
      }
      if (met) {
        return;
      }
      if (System.currentTimeMillis() > end) {
        throw new Abort("gave up waiting for " + what + " after " + limit.toSeconds() + " s" + lastError);
      }
      Thread.sleep(500);
    }
  }

  private void say(String what) {
    String line = String.format("%6.1f s  %s", (System.currentTimeMillis() - t0) / 1e3, what);
    log.add(line);
    System.err.println("chaos: " + line);
  }

  private static Thread daemon(String name, Runnable work) {
    Thread t = new Thread(work, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, Integer> nodes(String spec) {
    Map<String, Integer> nodes = new LinkedHashMap<>();
    for (String entry : spec.trim().split("\\s+")) {
      String[] kv = entry.split("=");
      nodes.put(kv[0], Integer.parseInt(kv[1]));
    }
    return nodes;
  }

  private static List<Long> longList(String json) {
    List<Long> values = new ArrayList<>();
    Matcher m = Pattern.compile("\\d{12,}").matcher(json);
    while (m.find()) {
      values.add(Long.parseLong(m.group()));
    }
    Collections.sort(values);
    return values;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + abbreviate(json));
    }
    return m.group(1);
  }

  private static String find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static String group(Pattern pattern, String text, String failure) {
    String found = find(pattern, text);
    if (found == null) {
      throw new IllegalStateException(failure);
    }
    return found;
  }

  private static String abbreviate(String s) {
    String flat = s.replaceAll("\\s+", " ");
    return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String part(String boundary, String name, String fileName, String value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: text/plain")
        + "\r\n\r\n" + value + "\r\n";
  }

  /** A WhatsApp (Android) export: Alex asks, Mira answers in her own manner. */
  private static String whatsAppChat(int seed, int pairs) {
    String[] topics = {"movie", "weather", "dinner", "train", "book", "garden", "coffee", "walk", "match", "concert"};
    String[] answers = {"ha, the %s was great honestly", "no idea about the %s, ask me later",
        "the %s? loved it :)", "meh, the %s was so-so", "I'm all in for the %s tomorrow",
        "the %s again? you know me", "honestly the %s made my day", "can we skip the %s this time"};
    Random random = new Random(seed);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pairs; i++) {
      String topic = topics[random.nextInt(topics.length)];
      int minute = i * 2;
      String time = String.format("1/%d/24, %02d:%02d", 1 + minute / 1440, (minute / 60) % 24, minute % 60);
      out.append(time).append(" - Alex: how was the ").append(topic).append("?\n");
      out.append(time).append(" - Mira: ").append(answers[random.nextInt(answers.length)].formatted(topic)).append('\n');
    }
    return out.toString();
  }
}
