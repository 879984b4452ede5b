package io.personastudio.bot.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Telegram Bot API on 127.0.0.1: {@code getMe}, {@code getUpdates} (long polling, offset
 * confirmation, 409 for a second poller or while a webhook is set), {@code sendMessage}, {@code
 * sendChatAction}, {@code setMyCommands}, {@code setWebhook}, {@code deleteWebhook}. Telegram's
 * limits (1 message/s per chat, 30/s overall) answer 429 when switched on; {@link #inject} plans
 * 429s, 5xx and slow answers. Users "write" through {@link #userSays} or {@code POST
 * /fake/messages}.
 */
public final class FakeTelegramServer implements AutoCloseable {

  static {
    // The JDK server otherwise waits for delayed ACKs: ~40 ms per small answer.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final long SECOND = 1_000_000_000L;
  private static final long BOT_ID = 7_000_000_001L;

  private final HttpServer http;
  private final ExecutorService executor;
  private final String token;
  private final ObjectMapper json = new ObjectMapper();
  private final Object lock = new Object();
  private final Deque<ObjectNode> pending = new ArrayDeque<>();
  private final Map<Long, ObjectNode> allUpdates = new ConcurrentHashMap<>();
  private final Map<Long, Long> injectedNanos = new ConcurrentHashMap<>();
  private final List<SentMessage> sent = new CopyOnWriteArrayList<>();
  private final List<Long> chatActions = new CopyOnWriteArrayList<>();
  private final List<String> commandMenus = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Fault>> faults = new HashMap<>();
  private final Map<Long, Long> lastSendByChat = new HashMap<>();
  private final Deque<Long> lastSecond = new ArrayDeque<>();
  private final AtomicInteger limitViolations = new AtomicInteger();
  private final AtomicInteger nextMessageId = new AtomicInteger(1);
  private long nextUpdateId = 1;
  private final List<Long> pollNanos = new CopyOnWriteArrayList<>();
  private final List<Long> pollEpochMillis = new CopyOnWriteArrayList<>();
  private long pollerGeneration;
  private boolean pollerActive;
  private volatile boolean limitsOn;
  private volatile WebhookRegistration webhook;
  private volatile boolean open = true;

  private FakeTelegramServer(HttpServer http, ExecutorService executor, String token) {
    this.http = http;
    this.executor = executor;
    this.token = token;
  }

  /** Starts on 127.0.0.1; port 0 picks a free one. */
  public static FakeTelegramServer start(int port, String botToken) throws IOException {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    HttpServer http = HttpServer.create(address, 128);
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fake-telegram");
              t.setDaemon(true);
              return t;
            });
    FakeTelegramServer server = new FakeTelegramServer(http, executor, botToken);
    http.setExecutor(executor);
    http.createContext("/", server::serve);
    http.start();
    return server;
  }

  /** Base URL for the bot's {@code apiBase}: {@code http://127.0.0.1:<port>}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  // ---- the user's side ------------------------------------------------------------------------

  /** A user writes a text message; returns its update id. */
  public long userSays(long chatId, long userId, String languageCode, String text) {
    ObjectNode message = message(chatId, userId, languageCode);
    message.put("text", text);
    if (text.startsWith("/")) {
      int end = text.indexOf(' ');
      ObjectNode entity = message.putArray("entities").addObject();
      entity.put("type", "bot_command").put("offset", 0);
      entity.put("length", end < 0 ? text.length() : end);
    }
    return enqueue(message);
  }

  /** A user sends a sticker; returns its update id. */
  public long userSendsSticker(long chatId, long userId, String languageCode) {
    ObjectNode message = message(chatId, userId, languageCode);
    ObjectNode sticker = message.putObject("sticker");
    sticker.put("file_id", "sticker-file").put("file_unique_id", "sticker-unique");
    sticker.put("type", "regular").put("width", 512).put("height", 512);
    sticker.put("is_animated", false).put("is_video", false);
    return enqueue(message);
  }

  /** Telegram delivers an already confirmed update again (as after a bot crash). */
  public void redeliver(long updateId) {
    ObjectNode update = allUpdates.get(updateId);
    synchronized (lock) {
      pending.addLast(update);
      lock.notifyAll();
    }
  }

  private ObjectNode message(long chatId, long userId, String languageCode) {
    ObjectNode message = json.createObjectNode();
    message.put("message_id", nextMessageId.getAndIncrement());
    ObjectNode from = message.putObject("from");
    from.put("id", userId).put("is_bot", false).put("first_name", "User " + userId);
    if (languageCode != null) {
      from.put("language_code", languageCode);
    }
    message.putObject("chat").put("id", chatId).put("type", "private");
    message.put("date", Instant.now().getEpochSecond());
    return message;
  }

  private long enqueue(ObjectNode message) {
    synchronized (lock) {
      long id = nextUpdateId++;
      ObjectNode update = json.createObjectNode();
      update.put("update_id", id);
      update.set("message", message);
      allUpdates.put(id, update);
      injectedNanos.put(id, System.nanoTime());
      pending.addLast(update);
      lock.notifyAll();
      return id;
    }
  }

  // ---- what the bot did -----------------------------------------------------------------------

  public List<SentMessage> sent() {
    return List.copyOf(sent);
  }

  /** How many messages the bot sent so far, without copying them (cheap to poll). */
  public int sentCount() {
    return sent.size();
  }

  public List<String> textsTo(long chatId) {
    return sent.stream().filter(m -> m.chatId() == chatId).map(SentMessage::text).toList();
  }

  public List<Long> chatActions() {
    return List.copyOf(chatActions);
  }

  /** Language codes of the command menus registered ("" for the default one). */
  public List<String> commandMenus() {
    return List.copyOf(commandMenus);
  }

  public Optional<String> webhookUrl() {
    return webhook().map(WebhookRegistration::url);
  }

  /** The webhook the bot registered last, if it is still set. */
  public Optional<WebhookRegistration> webhook() {
    return Optional.ofNullable(webhook);
  }

  /** When each {@code getUpdates} call arrived, in System.nanoTime, oldest first. */
  /** Wall-clock times of the polls, for a peer in another process (the chaos test). */
  public List<Long> pollEpochMillis() {
    return List.copyOf(pollEpochMillis);
  }

  public List<Long> pollNanos() {
    return List.copyOf(pollNanos);
  }

  /** 429s the limits provoked (planned faults not counted). */
  public int limitViolations() {
    return limitViolations.get();
  }

  /** When the update was injected, in System.nanoTime. */
  public long injectedAtNanos(long updateId) {
    return injectedNanos.getOrDefault(updateId, 0L);
  }

  // ---- misbehaviour ---------------------------------------------------------------------------

  /** The next {@code times} calls of {@code method} (case-insensitive) get this fault. */
  public void inject(String method, Fault fault, int times) {
    synchronized (faults) {
      Deque<Fault> planned =
          faults.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>());
      for (int i = 0; i < times; i++) {
        planned.addLast(fault);
      }
    }
  }

  /** Drops the faults still planned for {@code method}: its next call is answered normally. */
  public void clearFaults(String method) {
    synchronized (faults) {
      faults.remove(method.toLowerCase(Locale.ROOT));
    }
  }

  /** Telegram's limits: 1 message/s per chat, 30/s overall; over them, 429 retry_after 1. */
  public void limits(boolean on) {
    limitsOn = on;
  }

  // ---- HTTP -----------------------------------------------------------------------------------

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, String> params =
          RequestParams.parse(
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              body,
              json);
      Answer answer =
          path.startsWith("/fake/") ? FakeControl.handle(this, path, params) : botApi(path, params);
      byte[] bytes = json.writeValueAsBytes(answer.body());
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (RuntimeException e) {
      // A broken request must not kill the server thread; the client sees a closed connection.
    }
  }

  /** One HTTP answer. */
  record Answer(int status, Object body) {}

  private Answer botApi(String path, Map<String, String> params) {
    String prefix = "/bot" + token + "/";
    if (!path.startsWith(prefix)) {
      return error(401, "Unauthorized", 0);
    }
    String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
    Optional<Fault> fault = nextFault(method);
    if (fault.isPresent()) {
      Fault f = fault.get();
      sleep(f.delay().toMillis());
      if (f.status() == 429) {
        return error(
            429, "Too Many Requests: retry after " + f.retryAfterSeconds(), f.retryAfterSeconds());
      }
      if (f.status() >= 400) {
        return error(f.status(), "Internal Server Error", 0);
      }
    }
    return switch (method) {
      case "getme" -> ok(botUser());
      case "getupdates" -> getUpdates(params);
      case "sendmessage" -> sendMessage(params);
      case "sendchataction" -> {
        chatActions.add(Long.parseLong(params.get("chat_id")));
        yield ok(true);
      }
      case "setmycommands" -> {
        commandMenus.add(params.getOrDefault("language_code", ""));
        yield ok(true);
      }
      case "setwebhook" -> {
        webhook =
            new WebhookRegistration(
                params.get("url"), params.get("secret_token"), params.get("allowed_updates"));
        yield ok(true);
      }
      case "deletewebhook" -> {
        webhook = null;
        yield ok(true);
      }
      default -> error(404, "Not Found: method not found", 0);
    };
  }

  /**
   * Long polling as Telegram does it: a newer {@code getUpdates} ends a waiting older one with 409
   * ("terminated by other getUpdates request"), so a poller that died mid-poll does not block its
   * successor, and two live pollers keep knocking each other out.
   */
  private Answer getUpdates(Map<String, String> params) {
    pollNanos.add(System.nanoTime());
    pollEpochMillis.add(System.currentTimeMillis());
    long offset = Long.parseLong(params.getOrDefault("offset", "0"));
    long timeoutMillis = Long.parseLong(params.getOrDefault("timeout", "0")) * 1000;
    int limit = Integer.parseInt(params.getOrDefault("limit", "100"));
    synchronized (lock) {
      if (webhook != null) {
        return error(409, "Conflict: can't use getUpdates method while webhook is active", 0);
      }
      long generation = ++pollerGeneration;
      if (pollerActive) {
        lock.notifyAll();
      }
      pollerActive = true;
      try {
        if (offset > 0) {
          pending.removeIf(u -> u.get("update_id").asLong() < offset);
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long left;
        while (pending.isEmpty()
            && open
            && generation == pollerGeneration
            && (left = deadline - System.currentTimeMillis()) > 0) {
          lock.wait(left);
        }
        if (generation != pollerGeneration) {
          return error(409, "Conflict: terminated by other getUpdates request", 0);
        }
        ArrayNode result = json.createArrayNode();
        pending.stream().limit(limit).forEach(result::add);
        return ok(result);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return ok(json.createArrayNode());
      } finally {
        if (generation == pollerGeneration) {
          pollerActive = false;
        }
      }
    }
  }

  private Answer sendMessage(Map<String, String> params) {
    long chatId = Long.parseLong(params.get("chat_id"));
    String text = params.getOrDefault("text", "");
    if (text.isEmpty() || text.length() > 4096) {
      return error(400, "Bad Request: message text is empty or too long", 0);
    }
    long now = System.nanoTime();
    if (limitsOn && overLimit(chatId, now)) {
      limitViolations.incrementAndGet();
      return error(429, "Too Many Requests: retry after 1", 1);
    }
    sent.add(new SentMessage(chatId, text, now, System.currentTimeMillis()));
    ObjectNode message = json.createObjectNode();
    message.put("message_id", nextMessageId.getAndIncrement());
    message.set("from", botUser());
    message.putObject("chat").put("id", chatId).put("type", "private");
    message.put("date", Instant.now().getEpochSecond());
    message.put("text", text);
    return ok(message);
  }

  private boolean overLimit(long chatId, long now) {
    synchronized (lastSecond) {
      Long last = lastSendByChat.get(chatId);
      while (!lastSecond.isEmpty() && now - lastSecond.peekFirst() >= SECOND) {
        lastSecond.removeFirst();
      }
      if ((last != null && now - last < SECOND) || lastSecond.size() >= 30) {
        return true;
      }
      lastSendByChat.put(chatId, now);
      lastSecond.addLast(now);
      return false;
    }
  }

  private Optional<Fault> nextFault(String method) {
    synchronized (faults) {
      Deque<Fault> planned = faults.get(method);
      return planned == null ? Optional.empty() : Optional.ofNullable(planned.pollFirst());
    }
  }

  private ObjectNode botUser() {
    ObjectNode user = json.createObjectNode();
    user.put("id", BOT_ID).put("is_bot", true).put("first_name", "Persona Studio (fake)");
    user.put("username", "persona_studio_fake_bot");
    return user;
  }

  Answer ok(Object result) {
    Map<String, Object> body = new HashMap<>();
    body.put("ok", true);
    body.put("result", result);
    return new Answer(200, body);
  }

  Answer error(int code, String description, int retryAfter) {
    Map<String, Object> body = new HashMap<>();
    body.put("ok", false);
    body.put("error_code", code);
    body.put("description", description);
    if (retryAfter > 0) {
      body.put("parameters", Map.of("retry_after", retryAfter));
    }
    return new Answer(code, body);
  }

  private static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    open = false;
    synchronized (lock) {
      lock.notifyAll();
    }
    http.stop(0);
    executor.shutdownNow();
  }
}
