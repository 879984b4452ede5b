package io.personastudio.interfaces.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where a link to a protected page without the session's token ends (web.xml maps JSF's
 * ProtectedViewException here): a bookmark from an earlier session or a forged link from another
 * site. Nothing of the page runs; the user goes to the dashboard (through sign-in if need be) and
 * continues from there.
 */
@WebServlet("/protected-link")
public class ProtectedLinkServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.sendRedirect(request.getContextPath() + "/app/dashboard.xhtml");
  }
}
