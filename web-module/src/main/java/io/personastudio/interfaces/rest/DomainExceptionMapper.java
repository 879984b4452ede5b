package io.personastudio.interfaces.rest;

import io.personastudio.domain.DomainException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Translates the domain's refusals into HTTP once: a status and a problem message. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

  @Override
  public Response toResponse(DomainException e) {
    return Response.status(status(e.kind()))
        .type(MediaType.APPLICATION_JSON)
        .entity(new Problem(e.kind().name(), e.getMessage()))
        .build();
  }

  static Response.Status status(DomainException.Kind kind) {
    return switch (kind) {
      case INVALID_INPUT -> Response.Status.BAD_REQUEST;
      case NOT_FOUND -> Response.Status.NOT_FOUND;
      case CONFLICT -> Response.Status.CONFLICT;
      case FORBIDDEN -> Response.Status.FORBIDDEN;
    };
  }

  /** The body of every refused request. */
  public record Problem(String code, String message) {}
}
