package io.personastudio.interfaces.rest.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.personastudio.testing.AgainstShippedWar;
import io.personastudio.testing.web.Api;
import io.personastudio.testing.web.Chats;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A run's progress pushed as server-sent events, to its owner only, until the run is done. */
class RunEventsIT extends AgainstShippedWar {

  @Test
  void theOwnerSeesTheRunProgressUntilItIsPublishedAndEvaluatedThenTheStreamEnds()
      throws Exception {
    Api ana = Api.newUser(server, "Ana");
    String run = newRun(ana);

    HttpResponse<Stream<String>> stream = ana.events("api/v1/runs/" + run + "/events");
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("text/event-stream");
    List<String> lines =
        CompletableFuture.supplyAsync(() -> stream.body().toList()).get(6, TimeUnit.MINUTES);

    List<String> events = lines.stream().filter(l -> l.startsWith("event:")).toList();
    List<String> data = lines.stream().filter(l -> l.startsWith("data:")).toList();
    assertThat(events).hasSizeGreaterThanOrEqualTo(3).allMatch(e -> e.contains("progress"));
    assertThat(data).anyMatch(d -> d.contains("\"phase\":\"TRAIN\""));
    assertThat(data).anyMatch(d -> d.contains("\"phase\":\"EVALUATE\""));
    String last = data.get(data.size() - 1);
    assertThat(last)
        .contains("\"status\":\"COMPLETED\"")
        .contains("\"phase\":\"DONE\"")
        .contains("\"percent\":100")
        .contains("\"hits1of20Style\"");
    assertThat(data).doesNotHaveDuplicates();
  }

  @Test
  void nobodyElseCanFollowTheRun() throws Exception {
    Api ana = Api.newUser(server, "Ana");
    Api ben = Api.newUser(server, "Ben");
    String run = newRun(ana);

    assertThat(ben.events("api/v1/runs/" + run + "/events").statusCode()).isEqualTo(404);
    assertThat(Api.anonymous(server).events("api/v1/runs/" + run + "/events").statusCode())
        .isEqualTo(401);
    assertThat(ben.events("api/v1/runs/not-a-run/events").statusCode()).isEqualTo(404);
  }

  private static String newRun(Api owner) throws Exception {
    HttpResponse<String> created =
        owner.upload(
            "api/v1/personas",
            Map.of("name", "Followed", "person", "Ana", "scrub", "false", "consent", "true"),
            "chat.txt",
            Chats.whatsApp("Ben", "Ana", 300, "marmalade!"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Api.field(created.body(), "trainingRun");
  }
}
