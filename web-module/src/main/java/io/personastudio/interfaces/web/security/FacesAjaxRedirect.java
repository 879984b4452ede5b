package io.personastudio.interfaces.web.security;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A redirect that a Faces Ajax request can follow. The browser follows an HTTP 302 inside the
 * XMLHttpRequest and hands Faces' script the sign-in page's HTML, which it cannot apply: the
 * request fails silently (a web chat's send does nothing, a live poll stops). Faces' own answer for
 * Ajax is a partial response holding the redirect, which its script turns into a page load.
 */
final class FacesAjaxRedirect {
  private static final String HEADER = "Faces-Request";
  private static final String PARTIAL_AJAX = "partial/ajax";

  private FacesAjaxRedirect() {}

  /** True for a request that Faces' Ajax script sent (it waits for a partial response). */
  static boolean isFacesAjax(HttpServletRequest request) {
    return PARTIAL_AJAX.equals(request.getHeader(HEADER));
  }

  /** Answers with the partial response that sends the browser to {@code url}. */
  static AuthenticationStatus send(HttpServletResponse response, String url) {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("text/xml");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    try {
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                  + "<partial-response><redirect url=\""
                  + xmlAttribute(url)
                  + "\"></redirect></partial-response>");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }

  private static String xmlAttribute(String value) {
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
