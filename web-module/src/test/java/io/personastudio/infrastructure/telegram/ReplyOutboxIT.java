package io.personastudio.infrastructure.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.bot.port.OutgoingMessage;
import io.personastudio.bot.port.ReplyOutbox;
import io.personastudio.bot.port.StoredMessage;
import io.personastudio.testing.Rows;
import io.personastudio.testing.ShippedWar;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bot's outbox on PostgreSQL ({@link JdbcReplyOutbox}): replies join the caller's transaction,
 * are stored sealed, stay with their owner while its lease runs, and once it ran out each is
 * claimed by exactly one of several nodes sweeping at the same time.
 */
@ExtendWith(ArquillianExtension.class)
class ReplyOutboxIT {

  private static final Duration LONG = Duration.ofMinutes(5);
  private static final Duration SHORT = Duration.ofMillis(300);

  @Deployment
  static WebArchive deployment() {
    return ShippedWar.withTest(ReplyOutboxIT.class);
  }

  @Inject ReplyOutbox outbox;
  @Inject UserTransaction transaction;

  @Resource(lookup = "jdbc/persona")
  DataSource db;

  @Resource ManagedThreadFactory threads;

  @BeforeEach
  void emptyOutbox() throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM telegram_outbox");
    }
  }

  @Test
  void repliesOfARolledBackTransactionAreNotKept() throws Exception {
    transaction.begin();
    List<String> ids = outbox.record("node-a", LONG, messages(3, "rolled back"));
    assertThat(waiting()).as("visible inside the transaction").isEqualTo(3);
    transaction.rollback();

    assertThat(ids).hasSize(3);
    assertThat(waiting()).isZero();
  }

  @Test
  void aRecordedReplyIsSealedAndGoneOnceDelivered() throws Exception {
    List<String> ids = recordCommitted("node-a", LONG, messages(2, "marmalade sandwich"));

    assertThat(waiting()).isEqualTo(2);
    assertThat(
            Rows.count(
                db,
                "SELECT count(*) FROM telegram_outbox"
                    + " WHERE position(convert_to('marmalade', 'UTF8') in text_cipher) > 0"))
        .as("stored sealed")
        .isZero();
    outbox.delivered(ids);
    assertThat(waiting()).isZero();
  }

  @Test
  void aLeasedReplyStaysWithItsOwnerAndAnExpiredOneGoesToOneClaimantInOrder() throws Exception {
    List<String> ids = recordCommitted("node-a", SHORT, messages(3, "reply"));
    assertThat(outbox.claimExpired("node-b", LONG, 10)).as("lease still running").isEmpty();

    outbox.renew("node-a", LONG);
    Thread.sleep(SHORT.multipliedBy(2).toMillis());
    assertThat(outbox.claimExpired("node-b", LONG, 10)).as("renewed by its owner").isEmpty();

    outbox.renew("node-a", SHORT);
    Thread.sleep(SHORT.multipliedBy(2).toMillis());
    List<StoredMessage> first = outbox.claimExpired("node-b", LONG, 2);
    List<StoredMessage> rest = outbox.claimExpired("node-c", LONG, 10);
    assertThat(first).extracting(StoredMessage::id).containsExactly(ids.get(0), ids.get(1));
    assertThat(first).extracting(StoredMessage::text).containsExactly("reply 0", "reply 1");
    assertThat(first).extracting(StoredMessage::chatId).containsExactly(100L, 101L);
    assertThat(rest).extracting(StoredMessage::id).containsExactly(ids.get(2));
    assertThat(outbox.claimExpired("node-d", LONG, 10)).as("claimed ones are leased").isEmpty();
  }

  @Test
  void aNewLeaderTakesOverTheRepliesOfOthersWhateverTheirLeaseButNotItsOwn() throws Exception {
    transaction.begin();
    List<String> left = outbox.record("old-leader", LONG, messages(3, "left"));
    List<String> own = outbox.record("new-leader", LONG, messages(1, "own"));
    transaction.commit();

    List<StoredMessage> taken = outbox.takeOver("new-leader", LONG, 2);
    taken = new ArrayList<>(taken);
    taken.addAll(outbox.takeOver("new-leader", LONG, 2));

    assertThat(taken).extracting(StoredMessage::id).containsExactlyElementsOf(left);
    assertThat(outbox.takeOver("new-leader", LONG, 10)).as("nothing left but its own").isEmpty();
    assertThat(own).hasSize(1);
    assertThat(waiting()).isEqualTo(4);
  }

  @Test
  void aReplyGivenBackIsClaimableByAnyNodeOnceItsDelayPassedAndOldOnesAreDiscarded()
      throws Exception {
    List<String> ids = recordCommitted("node-a", LONG, messages(2, "later"));

    outbox.release(List.of(ids.get(0)), SHORT);
    outbox.renew("node-a", LONG);
    assertThat(outbox.claimExpired("node-b", LONG, 10)).as("delay still running").isEmpty();
    Thread.sleep(SHORT.multipliedBy(2).toMillis());
    assertThat(outbox.claimExpired("node-b", LONG, 10))
        .as("given back: not renewed by its old owner, claimable by another node")
        .extracting(StoredMessage::id)
        .containsExactly(ids.get(0));

    assertThat(outbox.discardOlderThan(Duration.ofHours(1))).isZero();
    assertThat(outbox.discardOlderThan(Duration.ZERO)).isEqualTo(2);
    assertThat(waiting()).isZero();
  }

  @Test
  void nodesSweepingAtTheSameTimeClaimEachExpiredReplyOnce() throws Exception {
    List<String> ids = recordCommitted("node-a", Duration.ZERO, messages(400, "orphan"));

    ExecutorService nodes = Executors.newFixedThreadPool(4, threads);
    try {
      List<Future<List<String>>> sweeps = new ArrayList<>();
      for (int n = 0; n < 4; n++) {
        String owner = "node-" + n;
        Callable<List<String>> sweep =
            () -> {
              List<String> mine = new ArrayList<>();
              List<StoredMessage> batch;
              while (!(batch = outbox.claimExpired(owner, LONG, 7)).isEmpty()) {
                batch.forEach(m -> mine.add(m.id()));
              }
              return mine;
            };
        sweeps.add(nodes.submit(sweep));
      }
      List<String> claimed = new ArrayList<>();
      for (Future<List<String>> sweep : sweeps) {
        claimed.addAll(sweep.get());
      }
      Set<String> distinct = new HashSet<>(claimed);
      assertThat(claimed).as("no reply claimed twice").hasSameSizeAs(distinct);
      assertThat(distinct).containsExactlyInAnyOrderElementsOf(ids);
    } finally {
      nodes.shutdownNow();
    }
  }

  /** {@link ReplyOutbox#record} in a transaction of its own, committed. */
  private List<String> recordCommitted(String owner, Duration lease, List<OutgoingMessage> messages)
      throws Exception {
    transaction.begin();
    List<String> ids = outbox.record(owner, lease, messages);
    transaction.commit();
    return ids;
  }

  private long waiting() throws Exception {
    return Rows.count(db, "SELECT count(*) FROM telegram_outbox");
  }

  private static List<OutgoingMessage> messages(int count, String text) {
    List<OutgoingMessage> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      messages.add(new OutgoingMessage(100 + i, text + " " + i));
    }
    return messages;
  }
}
