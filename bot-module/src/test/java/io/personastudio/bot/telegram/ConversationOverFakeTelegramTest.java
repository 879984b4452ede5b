package io.personastudio.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.personastudio.bot.port.Standing;
import io.personastudio.bot.support.BotHarness;
import io.personastudio.bot.support.ScriptedReplies;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConversationOverFakeTelegramTest {

  private static final long CHAT = 1001;
  private static final long USER = 501;
  private BotHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness = BotHarness.started();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20));
  }

  private void say(String text) {
    harness.telegram.userSays(CHAT, USER, "en", text);
  }

  private void awaitTexts(long chat, int count) {
    eventually().until(() -> harness.telegram.textsTo(chat).size() >= count);
  }

  private String last(long chat) {
    List<String> texts = harness.telegram.textsTo(chat);
    return texts.get(texts.size() - 1);
  }

  @Test
  void leadsAFullConversationFromDeepLinkToRevocation() {
    String anna = harness.directory.issue("AnnaToken0123456789abcXYZ", "anna", "Anna");
    String boris = harness.directory.issue("BorisToken0123456789abcXYZ", "boris", "Boris");

    say("/start " + anna);
    awaitTexts(CHAT, 1);
    assertThat(last(CHAT)).contains("Connected to Anna").contains("AI imitation");

    say("hello");
    awaitTexts(CHAT, 2);
    assertThat(last(CHAT)).isEqualTo("anna: hello (context 0)");
    // the typing action goes out before the reply, but over its own connection: wait for it
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(harness.telegram.chatActions()).contains(CHAT));

    say("how are you");
    awaitTexts(CHAT, 3);
    assertThat(last(CHAT)).isEqualTo("anna: how are you (context 2)");

    say("/connect " + boris);
    awaitTexts(CHAT, 4);
    assertThat(last(CHAT)).contains("Connected to Boris");

    say("/personas");
    awaitTexts(CHAT, 5);
    assertThat(last(CHAT)).contains("1. Anna").contains("2. Boris ✅");

    say("/switch 1");
    awaitTexts(CHAT, 6);
    assertThat(last(CHAT)).contains("now talking to Anna");

    say("again");
    awaitTexts(CHAT, 7);
    assertThat(last(CHAT)).isEqualTo("anna: again (context 4)");

    say("/forget");
    awaitTexts(CHAT, 8);
    assertThat(last(CHAT)).contains("Anna has forgotten");

    say("fresh start");
    awaitTexts(CHAT, 9);
    assertThat(last(CHAT)).isEqualTo("anna: fresh start (context 0)");

    harness.directory.setStanding(anna, Standing.REVOKED);
    say("still there?");
    awaitTexts(CHAT, 10);
    assertThat(last(CHAT)).contains("Access to Anna was revoked");

    say("and now?");
    awaitTexts(CHAT, 11);
    assertThat(last(CHAT)).isEqualTo("boris: and now? (context 0)");
  }

  @Test
  void refusesATokenAlreadyBoundToAnotherTelegramUser() {
    String token = harness.directory.issue("SharedToken0123456789abcXYZ", "anna", "Anna");
    harness.telegram.userSays(CHAT, USER, "en", "/start " + token);
    awaitTexts(CHAT, 1);

    harness.telegram.userSays(2002, 777, "en", token);
    awaitTexts(2002, 1);
    assertThat(last(2002)).contains("already used by another Telegram account");
  }

  @Test
  void explainsHowToGetATokenOnPlainStart() {
    say("/start");
    awaitTexts(CHAT, 1);
    assertThat(last(CHAT)).contains("access token");
  }

  @Test
  void answersARussianUserInRussian() {
    String token = harness.directory.issue("RuToken0123456789abcdefXYZ", "anna", "Анна");
    harness.telegram.userSays(CHAT, USER, "ru-RU", "/start " + token);
    awaitTexts(CHAT, 1);
    assertThat(last(CHAT)).contains("Подключено: Анна").contains("ИИ-имитация");

    harness.telegram.userSendsSticker(CHAT, USER, "ru");
    awaitTexts(CHAT, 2);
    assertThat(last(CHAT)).isEqualTo("Извините, я понимаю только текстовые сообщения.");
  }

  @Test
  void answersStickersWithAPoliteTextOnlyNote() {
    harness.telegram.userSendsSticker(CHAT, USER, "en");
    awaitTexts(CHAT, 1);
    assertThat(last(CHAT)).contains("text messages only");
  }

  @Test
  void throttlesWrongTokensAfterFiveAttempts() {
    for (int i = 1; i <= 6; i++) {
      say("/connect WrongToken" + i + "xxxxxxxxxxxxxxxxxx");
      awaitTexts(CHAT, i);
    }
    List<String> texts = harness.telegram.textsTo(CHAT);
    assertThat(texts.subList(0, 5)).allMatch(t -> t.contains("not valid"));
    assertThat(texts.get(5)).contains("Too many wrong tokens").contains("10 min");

    String good = harness.directory.issue("GoodToken0123456789abcXYZ", "anna", "Anna");
    say("/connect " + good);
    awaitTexts(CHAT, 7);
    assertThat(last(CHAT)).contains("Too many wrong tokens");
  }

  @Test
  void keepsAnsweringAfterOneUpdateFails() {
    String token = harness.directory.issue("BoomToken0123456789abcXYZ", "anna", "Anna");
    say("/start " + token);
    awaitTexts(CHAT, 1);

    say("boom");
    awaitTexts(CHAT, 2);
    assertThat(last(CHAT)).contains("something went wrong");

    say("are you ok");
    awaitTexts(CHAT, 3);
    assertThat(last(CHAT)).isEqualTo("anna: are you ok (context 0)");
  }

  @Test
  void answersARedeliveredUpdateOnlyOnce() {
    String token = harness.directory.issue("OnceToken0123456789abcXYZ", "anna", "Anna");
    say("/start " + token);
    awaitTexts(CHAT, 1);
    long hello = harness.telegram.userSays(CHAT, USER, "en", "hello");
    awaitTexts(CHAT, 2);

    harness.telegram.redeliver(hello);
    say("next");
    awaitTexts(CHAT, 3);

    assertThat(harness.telegram.textsTo(CHAT))
        .containsExactly(
            harness.telegram.textsTo(CHAT).get(0),
            "anna: hello (context 0)",
            "anna: next (context 2)");
    assertThat(((ScriptedReplies) harness.replies).requests()).hasSize(2);
  }

  @Test
  void resumesFromThePersistedOffsetAfterARestart() {
    String token = harness.directory.issue("RestartToken0123456789abcXYZ", "anna", "Anna");
    say("/start " + token);
    say("one");
    awaitTexts(CHAT, 2);
    eventually().until(() -> harness.ledger.nextOffset() >= 3);

    harness.stopBot();
    say("two");
    harness.startBot();
    awaitTexts(CHAT, 3);

    assertThat(harness.telegram.textsTo(CHAT).subList(1, 3))
        .containsExactly("anna: one (context 0)", "anna: two (context 2)");
  }

  @Test
  void splitsALongReplyIntoTelegramSizedMessages() {
    String token = harness.directory.issue("LongToken0123456789abcXYZ", "anna", "Anna");
    say("/start " + token);
    awaitTexts(CHAT, 1);

    say("long:10000");
    awaitTexts(CHAT, 4);

    List<String> parts = harness.telegram.textsTo(CHAT).subList(1, 4);
    assertThat(parts).allMatch(p -> p.length() <= 4096);
    assertThat(String.join("", parts).replaceAll("\\s", ""))
        .isEqualTo(ScriptedReplies.longText(10000).replaceAll("\\s", ""));
  }

  @Test
  void registersCommandMenusInBothLanguages() {
    eventually().until(() -> harness.telegram.commandMenus().size() >= 2);
    assertThat(harness.telegram.commandMenus()).containsExactlyInAnyOrder("", "ru");
  }
}
