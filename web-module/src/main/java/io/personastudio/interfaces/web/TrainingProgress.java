package io.personastudio.interfaces.web;

import io.personastudio.application.training.LossPoint;
import io.personastudio.application.training.RunView;
import io.personastudio.application.training.TrainingRuns;
import io.personastudio.domain.DomainException;
import jakarta.ejb.EJBException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A training run as its owner watches it. The view keeps only the run's id; every poll reads the
 * run afresh, so any node answers with the database's latest progress.
 */
@Named("training")
@ViewScoped
public class TrainingProgress implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject TrainingRuns runs;
  @Inject CurrentAccount account;

  private String run;
  private transient Optional<RunView> view;
  private transient List<LossPoint> loss;

  /** The page's view action: a run that is missing or someone else's is "not found". */
  public void load() {
    if (view().isEmpty()) {
      Ids.answerNotFound();
    }
  }

  /** The poll's listener: forget what this view read, so the render reads the run again. */
  public void refresh() {
    view = null;
    loss = null;
  }

  public String cancel() {
    RunView current = view().orElseThrow(() -> DomainException.notFound("No such training run."));
    cancelRetryingRaces(current.id());
    refresh();
    Texts.info("training.cancelled");
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    return "/app/training.xhtml?faces-redirect=true&run=" + current.id();
  }

  /**
   * The worker updates the run's progress all the time; a cancel that meets such an update loses
   * the optimistic lock and is simply tried again on the fresh row.
   */
  private void cancelRetryingRaces(UUID runId) {
    for (int attempt = 1; ; attempt++) {
      try {
        runs.cancel(account.id(), runId);
        return;
      } catch (EJBException e) {
        if (attempt == 3 || !lostOptimisticLock(e)) {
          throw e;
        }
      }
    }
  }

  private static boolean lostOptimisticLock(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockException) {
        return true;
      }
    }
    return false;
  }

  private Optional<RunView> view() {
    if (view == null) {
      view = Ids.parse(run).flatMap(id -> runs.view(account.id(), id));
    }
    return view;
  }

  public boolean isFound() {
    return view().isPresent();
  }

  public RunView getRun() {
    return view().orElse(null);
  }

  public boolean isFinished() {
    return view()
        .map(r -> !r.status().equals("QUEUED") && !r.status().equals("RUNNING"))
        .orElse(true);
  }

  public int getPercent() {
    return view().map(r -> Math.round(r.percent())).orElse(0);
  }

  /** The time left as the page says it: minutes and seconds, or nothing while unknown. */
  public String getEta() {
    Long seconds = view().map(RunView::etaSeconds).orElse(null);
    if (seconds == null || seconds < 0 || isFinished()) {
      return null;
    }
    Duration left = Duration.ofSeconds(seconds);
    return left.toMinutes() > 0
        ? Texts.get("training.eta.minutes", left.toMinutes(), left.toSecondsPart())
        : Texts.get("training.eta.seconds", left.toSecondsPart());
  }

  /** The failure in plain words: a known cause gets its sentence, the technical detail follows. */
  public String getFailure() {
    return view().map(RunView::failureReason).map(FailureReasons::plain).orElse(null);
  }

  public String getFailureDetail() {
    return view().map(RunView::failureReason).orElse(null);
  }

  public boolean isHasLoss() {
    return !loss().isEmpty();
  }

  public String getLossChart() {
    List<LossPoint> points = loss();
    return ChartJson.line(
        Texts.get("training.loss"),
        points.stream().map(p -> Long.toString(p.step())).toList(),
        points.stream().map(LossPoint::loss).toList());
  }

  private List<LossPoint> loss() {
    if (loss == null) {
      loss = view().map(r -> runs.lossHistory(account.id(), r.id())).orElse(List.of());
    }
    return loss;
  }

  public String getRunId() {
    return run;
  }

  public void setRunId(String run) {
    this.run = run;
  }
}
