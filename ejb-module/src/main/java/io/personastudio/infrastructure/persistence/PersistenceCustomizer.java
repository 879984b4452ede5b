package io.personastudio.infrastructure.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Wraps the container's connectors so that the unit deploys while the database is down. The server
 * session's pools carry logins of their own, cloned before customizers run, so each is wrapped.
 */
public class PersistenceCustomizer implements SessionCustomizer {

  private static final Logger LOG = Logger.getLogger(PersistenceCustomizer.class.getName());

  @Override
  public void customize(Session session) {
    List<Login> logins = new ArrayList<>();
    logins.add(session.getDatasourceLogin());
    if (session instanceof ServerSession server) {
      logins.add(server.getReadConnectionPool().getLogin());
      for (ConnectionPool pool : server.getConnectionPools().values()) {
        logins.add(pool.getLogin());
      }
    }
    int wrapped = 0;
    for (Login login : logins) {
      if (login instanceof DatasourceLogin datasource
          && !(datasource.getConnector() instanceof StartupTolerantConnector)) {
        datasource.setConnector(new StartupTolerantConnector(datasource.getConnector()));
        wrapped++;
      }
    }
    LOG.fine(() -> "startup-tolerant connectors: " + logins.size() + " logins");
    if (wrapped == 0) {
      LOG.warning("No EclipseLink login to make startup-tolerant");
    }
  }
}
