package io.personastudio.interfaces.rest.v1;

import io.personastudio.application.training.LossPoint;
import io.personastudio.application.training.RunView;
import io.personastudio.application.training.TrainingRuns;
import io.personastudio.domain.DomainException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.UUID;

/** Training runs of the caller's personas: progress (also pushed as events), loss curve, cancel. */
@Path("v1/runs")
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

  @Inject TrainingRuns runs;

  @Resource ManagedExecutorService executor;

  @Context SecurityContext security;

  @GET
  @Path("{id}")
  @RolesAllowed("user")
  public RunView progress(@PathParam("id") UUID id) {
    return runs.view(Caller.of(security), id)
        .orElseThrow(() -> DomainException.notFound("No such training run."));
  }

  /**
   * Server-sent events: the run's progress as it changes ({@code progress}, data as in {@code GET
   * /runs/{id}}), checked each second, until the run has finished and been evaluated.
   */
  @GET
  @Path("{id}/events")
  @RolesAllowed("user")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(@PathParam("id") UUID id, @Context SseEventSink sink, @Context Sse sse) {
    UUID owner = Caller.of(security);
    if (runs.view(owner, id).isEmpty()) {
      throw DomainException.notFound("No such training run.");
    }
    executor.execute(new RunEvents(runs, owner, id, sink, sse));
  }

  @GET
  @Path("{id}/loss")
  @RolesAllowed("user")
  public List<LossPoint> loss(@PathParam("id") UUID id) {
    return runs.lossHistory(Caller.of(security), id);
  }

  @POST
  @Path("{id}/cancel")
  @RolesAllowed("user")
  public Response cancel(@PathParam("id") UUID id) {
    runs.cancel(Caller.of(security), id);
    return Response.noContent().build();
  }
}
