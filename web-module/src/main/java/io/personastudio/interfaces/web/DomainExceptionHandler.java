package io.personastudio.interfaces.web;

import io.personastudio.domain.DomainException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.util.Iterator;

/**
 * The website's one translation of the domain's refusals: a page message (its kind in the page's
 * language, the service's words as detail) instead of an error page; the page stays as it was.
 */
public class DomainExceptionHandler extends ExceptionHandlerWrapper {

  public DomainExceptionHandler(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
    while (events.hasNext()) {
      DomainException refused = domainCause(events.next().getContext().getException());
      if (refused != null) {
        events.remove();
        Texts.add(
            FacesMessage.SEVERITY_ERROR,
            Texts.get("error." + refused.kind().name()),
            refused.getMessage());
      }
    }
    getWrapped().handle();
  }

  static DomainException domainCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DomainException d) {
        return d;
      }
    }
    return null;
  }
}
