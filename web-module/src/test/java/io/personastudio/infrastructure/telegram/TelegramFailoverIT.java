package io.personastudio.infrastructure.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.personastudio.bot.fake.FakeTelegramServer;
import io.personastudio.bot.fake.Fault;
import io.personastudio.bot.fake.SentMessage;
import io.personastudio.launcher.DatabaseSettings;
import io.personastudio.testing.TestNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two whole nodes in one Hazelcast cluster (TCP/IP on loopback) on one database and one fake
 * Telegram: the first polls, the second stands by; the leader's process is killed (SIGKILL) while
 * users keep writing; the standby takes the lock and polls, and every update is answered exactly
 * once. The kill falls inside the window between commit and delivery: Telegram answers 502 to the
 * leader's last {@value #STUCK} replies, which are committed (with their updates) and waiting in
 * its outbox when it dies; the standby sends them as it takes the lock, before it polls. The
 * take-over time (the old leader's last answer to the new leader's first getUpdates) and the stuck
 * replies' delay are printed; docs/BENCHMARKS.md records them.
 */
class TelegramFailoverIT {

  private static final String TOKEN = "123456:FAKE-FAILOVER";
  private static final int CHATS = 20;
  private static final int BEFORE_KILL = 40;
  private static final int MESSAGES = 120;
  private static final int STUCK = 5;

  private FakeTelegramServer telegram;
  private TestNode leader;
  private TestNode standby;
  private Thread users;

  @AfterEach
  void stop() throws Exception {
    if (users != null) {
      users.interrupt();
    }
    for (TestNode node : new TestNode[] {leader, standby}) {
      if (node != null) {
        node.close();
      }
    }
    if (telegram != null) {
      telegram.close();
    }
  }

  @Test
  void theStandbyTakesOverWhenTheLeaderIsKilledAndEveryUpdateIsAnsweredOnce() throws Exception {
    telegram = FakeTelegramServer.start(0, TOKEN);
    DatabaseSettings db = TelegramNodes.freshDatabase();
    int portA = TestNode.freePort();
    int portB = TestNode.freePort();
    String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
    Path shared = Path.of(System.getProperty("persona.it.dir"), "node-tg-failover");

    leader = TelegramNodes.start("tg-failover-a", db, pairMember(portA, members, shared));
    await()
        .atMost(TelegramNodes.BOOT)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> TelegramNodes.ready(leader));
    await().atMost(Duration.ofSeconds(60)).until(() -> !telegram.pollNanos().isEmpty());
    standby = TelegramNodes.start("tg-failover-b", db, pairMember(portB, members, shared));
    await()
        .atMost(TelegramNodes.BOOT)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> TelegramNodes.ready(standby));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> TelegramNodes.log(standby).contains("DG Size: 2"));
    assertThat(TelegramNodes.log(leader)).contains("holds the Telegram polling lock");
    assertThat(TelegramNodes.log(standby)).doesNotContain("holds the Telegram polling lock");

    AtomicInteger written = new AtomicInteger();
    AtomicBoolean paused = new AtomicBoolean();
    users = new Thread(() -> write(written, paused), "users");
    users.start();

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> telegram.sent().size() >= BEFORE_KILL);
    // Telegram stops taking messages; the next replies are committed but cannot be delivered
    synchronized (paused) {
      paused.set(true);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> telegram.sent().size() == written.get());
    List<SentMessage> beforeKill = telegram.sent();
    telegram.inject("sendMessage", Fault.serverError(502), 100_000);
    for (int i = 0; i < STUCK; i++) {
      say(written.getAndIncrement());
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> handledUpdates(db) == written.get() && waitingReplies(db) == STUCK);
    leader.kill();
    long killed = System.nanoTime();
    telegram.clearFaults("sendMessage");
    assertThat(telegram.sent())
        .as("the stuck replies were not delivered")
        .hasSize(beforeKill.size());
    paused.set(false);
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> waitingReplies(db) == 0);
    long stuckSent = System.nanoTime();

    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> telegram.sent().size() >= MESSAGES);
    Thread.sleep(2000);

    long lastAnswerOfOldLeader = beforeKill.get(beforeKill.size() - 1).receivedNanos();
    long firstPollOfNewLeader =
        telegram.pollNanos().stream().filter(t -> t > killed).findFirst().orElseThrow();
    System.out.printf(
        "Telegram take-over: %.2f s from the old leader's last answer to the new leader's first"
            + " getUpdates (%.2f s after the kill)%n",
        (firstPollOfNewLeader - lastAnswerOfOldLeader) / 1e9,
        (firstPollOfNewLeader - killed) / 1e9);
    System.out.printf(
        "Telegram outbox: the dead leader's %d stuck replies sent within %.1f s after the kill%n",
        STUCK, (stuckSent - killed) / 1e9);

    assertThat(TelegramNodes.log(standby)).contains("holds the Telegram polling lock");
    assertThat(written.get()).isEqualTo(MESSAGES);
    assertThat(telegram.sent()).as("one answer per update, none lost").hasSize(MESSAGES);
    Map<Long, Long> perChat =
        telegram.sent().stream()
            .collect(Collectors.groupingBy(SentMessage::chatId, Collectors.counting()));
    assertThat(perChat)
        .hasSize(CHATS)
        .allSatisfy((chat, n) -> assertThat(n).isEqualTo((long) MESSAGES / CHATS));
    assertThat(handledUpdates(db)).isEqualTo(MESSAGES);
    assertThat(beforeKill.size()).isBetween(BEFORE_KILL, MESSAGES - 1);
  }

  private Map<String, String> pairMember(int clusterPort, String members, Path data) {
    Map<String, String> env = TelegramNodes.botEnvironment(TOKEN, telegram.baseUri(), "polling");
    env.put("PERSONA_CLUSTER_NAME", "it-tg-failover");
    env.put("PERSONA_CLUSTER_PORT", String.valueOf(clusterPort));
    env.put("PERSONA_CLUSTER_MEMBERS", members);
    env.put("PERSONA_DATA_DIR", data.toString());
    return env;
  }

  /** Users of {@value #CHATS} unbound chats write in turn, one message per 100 ms. */
  private void write(AtomicInteger written, AtomicBoolean paused) {
    try {
      while (written.get() < MESSAGES) {
        synchronized (paused) {
          if (!paused.get()) {
            int i = written.get();
            say(i);
            written.incrementAndGet();
          }
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void say(int i) {
    telegram.userSays(100 + i % CHATS, 100 + i % CHATS, "en", "message " + i);
  }

  private static long waitingReplies(DatabaseSettings db) throws Exception {
    return count(db, "telegram_outbox");
  }

  private static long handledUpdates(DatabaseSettings db) throws Exception {
    return count(db, "telegram_update");
  }

  private static long count(DatabaseSettings db, String table) throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement q = c.createStatement();
        ResultSet rs = q.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
