package io.personastudio.interfaces.web;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Installs {@link DomainExceptionHandler} for every request of the website. */
public class DomainExceptionHandlerFactory extends ExceptionHandlerFactory {

  public DomainExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new DomainExceptionHandler(getWrapped().getExceptionHandler());
  }
}
