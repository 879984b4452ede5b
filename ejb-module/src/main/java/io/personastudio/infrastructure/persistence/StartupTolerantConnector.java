package io.personastudio.infrastructure.persistence;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.Session;

/**
 * Lets the persistence unit deploy while the database is down. The server validates every
 * persistence unit at deployment by logging EclipseLink in, and EclipseLink's login takes one
 * connection, which fails the whole deployment when PostgreSQL cannot be reached. That one login
 * connection is deferred: it connects when first used; every later connection is real. Readiness
 * reports the database state meanwhile, and the pool reconnects when the database returns.
 */
final class StartupTolerantConnector implements Connector {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(StartupTolerantConnector.class.getName());

  private final Connector delegate;
  private final AtomicBoolean loggedIn;

  StartupTolerantConnector(Connector delegate) {
    this(delegate, new AtomicBoolean());
  }

  private StartupTolerantConnector(Connector delegate, AtomicBoolean loggedIn) {
    this.delegate = delegate;
    this.loggedIn = loggedIn;
  }

  @Override
  public Connection connect(Properties properties, Session session) {
    if (loggedIn.getAndSet(true)) {
      return delegate.connect(properties, session);
    }
    try {
      return delegate.connect(properties, session);
    } catch (DatabaseException unreachable) {
      // SchemaMigrations says it once at WARNING; this is detail for whoever debugs a deployment
      LOG.fine(
          () ->
              "Database not reachable while the persistence unit deploys; connecting later: "
                  + DatabaseProbe.rootMessage(unreachable));
      return deferred(properties, session);
    }
  }

  private Connection deferred(Properties properties, Session session) {
    Connection[] real = new Connection[1];
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (real[0] == null) {
                if (method.getName().equals("close")) {
                  return null;
                }
                if (method.getName().equals("isClosed")) {
                  return false;
                }
                real[0] = delegate.connect(properties, session);
              }
              try {
                return method.invoke(real[0], args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Override
  public Object clone() {
    return new StartupTolerantConnector((Connector) delegate.clone(), loggedIn);
  }

  @Override
  public String getConnectionDetails() {
    return delegate.getConnectionDetails();
  }

  @Override
  public void toString(PrintWriter writer) {
    delegate.toString(writer);
  }
}
