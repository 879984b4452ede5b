package io.personastudio.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The asadmin commands that give a node its one server-level PostgreSQL pool, shared by JPA and the
 * Jakarta Batch job repository (a pool inside the application cannot hold the repository).
 */
public final class PostBootCommands {

  public static final String POOL = "PersonaPool";
  public static final String JNDI_NAME = "jdbc/persona";

  private PostBootCommands() {}

  public static List<String> forDatabase(DatabaseSettings db) {
    List<String> props = new ArrayList<>();
    props.add("url=" + escape(db.jdbcUrl()));
    props.add("user=" + escape(db.user()));
    if (!db.password().isEmpty()) {
      props.add("password=" + escape(db.password()));
    }
    // EclipseLink binds a null UUID as VARCHAR; PostgreSQL then refuses it for a uuid column
    props.addAll(
        List.of(
            "connectTimeout=5",
            "socketTimeout=300",
            "ApplicationName=persona",
            "stringtype=unspecified"));
    String properties = String.join(":", props);
    return List.of(
        // the application says once, in one line, why the database cannot be reached;
        // the pool would repeat it in three warnings at every attempt
        "set-log-levels "
            + String.join(
                ":",
                "javax.enterprise.resource.resourceadapter.com.sun.enterprise.resource.allocator=SEVERE",
                "javax.enterprise.resource.resourceadapter.com.sun.enterprise.connectors=SEVERE",
                "javax.enterprise.resource.resourceadapter.com.sun.gjc.spi=SEVERE"),
        "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource"
            + " --restype=javax.sql.DataSource --steadypoolsize=2 --maxpoolsize=32"
            + " --maxwait=10000 --isconnectvalidatereq=true --validationmethod=custom-validation"
            + " --validationclassname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation"
            + " --failconnection=true --property "
            + properties
            + " "
            + POOL,
        "create-jdbc-resource --connectionpoolid=" + POOL + " " + JNDI_NAME,
        "set-batch-runtime-configuration --datasourcelookupname=" + JNDI_NAME);
  }

  /** asadmin separates properties with ':' and key from value with '='; both are escaped. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
  }
}
