package io.personastudio.interfaces.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body the API cannot read (the JSON-B provider wraps parse errors in a processing
 * exception): 400 with the parser's own words, not a server error page.
 */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<ProcessingException> {

  @Override
  public Response toResponse(ProcessingException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON)
        .entity(
            new DomainExceptionMapper.Problem(
                "MALFORMED_JSON", "The request body is not valid JSON: " + root.getMessage()))
        .build();
  }
}
