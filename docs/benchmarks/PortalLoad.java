import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 5's portal benchmark: N signed-in users browse the dashboard and their persona page and
 * chat with their persona, concurrently, against a running node. Only the JDK; run with {@code java
 * docs/benchmarks/PortalLoad.java BASE_URL USERS SECONDS [THINK_MS]}, normally through {@code
 * portal-load.sh}.
 *
 * <p>Set-up (idempotent, so a kept data folder makes reruns fast): users {@code bench-<i>@bench.invalid}
 * are registered through the REST API, each uploads one small generated WhatsApp chat as a persona,
 * and the run waits until every persona is READY. Then each user signs in through the website's
 * form (a real JSF post with its view state) and loops: dashboard page, persona page, one web-chat
 * reply ({@code POST /api/v1/personas/{id}/chat}, the runtime the site's chat uses), each followed
 * by a think time. A response counts as an error unless it is 200 and carries the user's own
 * persona name (pages) or a non-empty reply (chat).
 */
public final class PortalLoad {

  private static final String PASSWORD = "Bench-password-2026!";
  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
  private static final Pattern VIEW_TOKEN = Pattern.compile("jakarta\\.faces\\.Token=([^&\"]+)");
  private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern REPLY = Pattern.compile("\"reply\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)+)\"");

  private final URI base;
  private final int users;
  private final Duration length;
  private final Duration think;
  private final HttpClient api =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ConcurrentHashMap<String, ConcurrentLinkedQueue<Long>> timings =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, AtomicInteger> errors = new ConcurrentHashMap<>();

  private PortalLoad(URI base, int users, Duration length, Duration think) {
    this.base = base;
    this.users = users;
    this.length = length;
    this.think = think;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: PortalLoad BASE_URL USERS SECONDS [THINK_MS]");
      System.exit(2);
    }
    URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
    Duration think = Duration.ofMillis(args.length > 3 ? Long.parseLong(args[3]) : 1000);
    new PortalLoad(base, Integer.parseInt(args[1]), Duration.ofSeconds(Long.parseLong(args[2])), think)
        .run();
  }

  private void run() throws Exception {
    List<User> prepared = prepare();
    System.err.printf("signing in %d users through the website form%n", prepared.size());
    for (User user : prepared) {
      user.signIn();
      user.signInToApi(); // a fresh token for the chat requests: the set-up may outlive the first
    }
    System.err.printf(
        "load: %d users for %d s, think time %d ms%n", users, length.toSeconds(), think.toMillis());
    Instant end = Instant.now().plus(length);
    ExecutorService pool = Executors.newFixedThreadPool(users);
    try {
      List<Future<?>> loops = new ArrayList<>();
      for (User user : prepared) {
        loops.add(pool.submit(() -> user.browseUntil(end)));
      }
      for (Future<?> loop : loops) {
        loop.get();
      }
    } finally {
      pool.shutdownNow();
    }
    report();
  }

  private List<User> prepare() throws Exception {
    List<User> prepared = new ArrayList<>();
    for (int i = 1; i <= users; i++) {
      User user = new User("bench-" + i + "@bench.invalid", "Bench persona " + i);
      user.ensureAccountAndPersona(i);
      prepared.add(user);
    }
    Instant deadline = Instant.now().plus(Duration.ofMinutes(90));
    for (User user : prepared) {
      String status;
      boolean retried = false;
      while (!"READY".equals(status = user.personaStatus())) {
        String run = "FAILED".equals(status) ? user.failure() : "";
        boolean waiting = run.contains("\"status\":\"QUEUED\"") || run.contains("\"status\":\"RUNNING\"");
        if (waiting && Instant.now().isBefore(deadline)) {
          Thread.sleep(2000); // a retraining is queued; the persona leaves FAILED when it starts
          continue;
        }
        if ("FAILED".equals(status) && !retried) {
          System.err.printf("%s: training failed (%s); retraining once%n", user.email, user.failure());
          user.retrain();
          retried = true;
          while ("FAILED".equals(user.personaStatus()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(2000); // the new run is queued; the persona leaves FAILED when it starts
          }
        } else if ("FAILED".equals(status) || Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(user.email + ": persona " + status + " " + user.failure());
        }
        Thread.sleep(2000);
      }
      System.err.printf("%s: persona READY%n", user.email);
    }
    return prepared;
  }

  private void record(String what, long nanos, boolean ok) {
    timings.computeIfAbsent(what, k -> new ConcurrentLinkedQueue<>()).add(nanos);
    if (!ok) {
      errors.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  private void report() {
    System.out.printf("%-10s %8s %7s %8s %8s %8s %8s%n", "request", "count", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms");
    List<Long> all = new ArrayList<>();
    for (String what : List.of("dashboard", "persona", "chat")) {
      List<Long> sample = new ArrayList<>(timings.getOrDefault(what, new ConcurrentLinkedQueue<>()));
      if (!what.equals("chat")) {
        all.addAll(sample);
      }
      line(what, sample, errors.getOrDefault(what, new AtomicInteger()).get());
    }
    line("pages", all, errors.getOrDefault("dashboard", new AtomicInteger()).get()
        + errors.getOrDefault("persona", new AtomicInteger()).get());
  }

  private static void line(String what, List<Long> sample, int failed) {
    Collections.sort(sample);
    System.out.printf(
        "%-10s %8d %7d %8.1f %8.1f %8.1f %8.1f%n",
        what, sample.size(), failed, pct(sample, 50), pct(sample, 95), pct(sample, 99), pct(sample, 100));
  }

  private static double pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }

  /** One simulated person: a REST identity for set-up and chat, a browser session for the pages. */
  private final class User {
    final String email;
    final String personaName;
    final HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new LoopbackCookies())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String jwt;
    String personaId;
    /** The session's protected-view token: signed-in pages open only with it, as the site's links do. */
    String viewToken;

    User(String email, String personaName) {
      this.email = email;
      this.personaName = personaName;
    }

    void ensureAccountAndPersona(int seed) throws Exception {
      HttpResponse<String> registered =
          api.send(
              json("api/v1/accounts", "{\"email\":\"%s\",\"displayName\":\"Bench %d\",\"password\":\"%s\"}"
                  .formatted(email, seed, PASSWORD)),
              HttpResponse.BodyHandlers.ofString());
      if (registered.statusCode() != 202) {
        throw new IllegalStateException(email + ": register " + registered.statusCode() + " " + registered.body());
      }
      signInToApi();
      HttpResponse<String> list = api.send(authed("api/v1/personas").GET().build(), HttpResponse.BodyHandlers.ofString());
      Matcher existing = ID.matcher(list.body());
      if (existing.find()) {
        personaId = existing.group(1);
        return;
      }
      String boundary = "bench" + UUID.randomUUID();
      String body =
          part(boundary, "name", null, personaName)
              + part(boundary, "person", null, "Mira")
              + part(boundary, "scrub", null, "true")
              + part(boundary, "consent", null, "true")
              + part(boundary, "file", "chat.txt", whatsAppChat(seed))
              + "--" + boundary + "--\r\n";
      HttpResponse<String> created =
          api.send(
              authed("api/v1/personas")
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (created.statusCode() != 201) {
        throw new IllegalStateException(email + ": create persona " + created.statusCode() + " " + created.body());
      }
      personaId = group(ID, created.body(), "no persona id");
    }

    void signInToApi() throws Exception {
      HttpResponse<String> token =
          api.send(
              json("api/v1/auth/token", "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD)),
              HttpResponse.BodyHandlers.ofString());
      jwt = group(TOKEN, token.body(), email + ": no token: " + token.statusCode() + " " + token.body());
    }

    String personaStatus() throws Exception {
      HttpResponse<String> found =
          api.send(authed("api/v1/personas/" + personaId).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (found.statusCode() == 401) { // the set-up outlives a token: take a new one
        signInToApi();
        found = api.send(authed("api/v1/personas/" + personaId).GET().build(), HttpResponse.BodyHandlers.ofString());
      }
      return group(STATUS, found.body(), email + ": no status in " + found.body());
    }

    String failure() throws Exception {
      HttpResponse<String> persona =
          api.send(authed("api/v1/personas/" + personaId).GET().build(), HttpResponse.BodyHandlers.ofString());
      Matcher run = Pattern.compile("\"trainingRun\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(persona.body());
      if (!run.find()) {
        return "no training run";
      }
      return api.send(authed("api/v1/runs/" + run.group(1)).GET().build(), HttpResponse.BodyHandlers.ofString())
          .body();
    }

    void retrain() throws Exception {
      HttpResponse<String> response =
          api.send(
              authed("api/v1/personas/" + personaId + "/retrain").POST(HttpRequest.BodyPublishers.noBody()).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(email + ": retrain " + response.statusCode() + " " + response.body());
      }
    }

    void signIn() throws Exception {
      HttpResponse<String> page = browser.send(get("signin.xhtml"), HttpResponse.BodyHandlers.ofString());
      String viewState = group(VIEW_STATE, page.body(), "no view state on the sign-in page");
      String form =
          "signin=signin&signin%3Aemail=" + enc(email) + "&signin%3Apassword=" + enc(PASSWORD)
              + "&signin%3Asubmit=&jakarta.faces.ViewState=" + enc(viewState);
      HttpResponse<String> after =
          browser.send(
              HttpRequest.newBuilder(base.resolve("signin.xhtml"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (!after.body().contains(personaName)) {
        throw new IllegalStateException(email + ": sign-in did not reach a dashboard with " + personaName + " (" + after.uri() + "): " + title(after.body()));
      }
      viewToken = group(VIEW_TOKEN, after.body(), email + ": the dashboard's links carry no view token");
    }

    void browseUntil(Instant end) {
      Random random = new Random(email.hashCode());
      int turn = 0;
      while (Instant.now().isBefore(end)) {
        page("dashboard", "app/dashboard.xhtml?jakarta.faces.Token=" + viewToken);
        pause(random);
        page("persona", "app/persona.xhtml?id=" + personaId + "&jakarta.faces.Token=" + viewToken);
        pause(random);
        chat("how was the " + (turn++ % 2 == 0 ? "movie" : "weather") + " yesterday?");
        pause(random);
      }
    }

    private void page(String what, String path) {
      long t0 = System.nanoTime();
      boolean ok;
      try {
        HttpResponse<String> response = browser.send(get(path), HttpResponse.BodyHandlers.ofString());
        ok = response.statusCode() == 200 && response.body().contains(personaName);
      } catch (IOException e) {
        ok = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      record(what, System.nanoTime() - t0, ok);
    }

    private void chat(String line) {
      long t0 = System.nanoTime();
      boolean ok;
      try {
        HttpResponse<String> response =
            api.send(
                authed("api/v1/personas/" + personaId + "/chat")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[\"" + line + "\"]}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        ok = response.statusCode() == 200 && REPLY.matcher(response.body()).find();
      } catch (IOException e) {
        ok = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      record("chat", System.nanoTime() - t0, ok);
    }

    private void pause(Random random) {
      try {
        // +-50 % jitter so the users do not march in step
        Thread.sleep(think.toMillis() / 2 + (long) (random.nextDouble() * think.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private HttpRequest.Builder authed(String path) {
      return HttpRequest.newBuilder(base.resolve(path))
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + jwt);
    }
  }

  /**
   * A browser's cookie jar for a loopback node: like browsers, it treats http://127.0.0.1 as a
   * secure context, so the site's {@code Secure} session cookie is sent back (the JDK's plain
   * CookieManager would drop it over http).
   */
  private static final class LoopbackCookies extends CookieHandler {
    private final CookieManager jar = new CookieManager();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers)
        throws IOException {
      return jar.get(secure(uri), headers);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
      jar.put(secure(uri), headers);
    }

    private static URI secure(URI uri) {
      if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
        return uri;
      }
      return URI.create("https" + uri.toString().substring(uri.getScheme().length()));
    }
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
  }

  private HttpRequest json(String path, String body) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static String part(String boundary, String name, String fileName, String value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: text/plain")
        + "\r\n\r\n" + value + "\r\n";
  }

  /** A small WhatsApp (Android) export: Alex asks, Mira answers in her own manner. */
  private static String whatsAppChat(int seed) {
    String[] topics = {"movie", "weather", "dinner", "train", "book", "garden", "coffee", "walk"};
    String[] answers = {
      "ha, the %s was great honestly", "no idea about the %s, ask me later", "the %s? loved it :)",
      "meh, the %s was so-so", "I'm all in for the %s tomorrow", "the %s again? you know me"
    };
    Random random = new Random(seed);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 120; i++) {
      String topic = topics[random.nextInt(topics.length)];
      int minute = i * 2;
      String time = String.format("1/%d/24, %02d:%02d", 1 + minute / 1440, (minute / 60) % 24, minute % 60);
      out.append(time).append(" - Alex: how was the ").append(topic).append("?\n");
      out.append(time).append(" - Mira: ").append(answers[random.nextInt(answers.length)].formatted(topic)).append('\n');
    }
    return out.toString();
  }

  private static String group(Pattern pattern, String text, String failure) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException(failure);
    }
    return m.group(1);
  }

  private static String title(String html) {
    Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(html);
    return m.find() ? m.group(1) : html.substring(0, Math.min(200, html.length()));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
