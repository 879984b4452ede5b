package io.personastudio.infrastructure.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.Session;

/** Wraps the container's connector so that the unit deploys while the database is down. */
public class PersistenceCustomizer implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    DatasourceLogin login = (DatasourceLogin) session.getDatasourceLogin();
    login.setConnector(new StartupTolerantConnector(login.getConnector()));
  }
}
