package io.personastudio.interfaces.health;

import io.personastudio.infrastructure.persistence.DatabaseProbe;
import io.personastudio.infrastructure.persistence.SchemaMigrations;
import io.personastudio.infrastructure.persistence.SchemaState;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers now and the schema is migrated; otherwise says why not. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = "jdbc/persona")
  DataSource dataSource;

  @Inject SchemaMigrations migrations;

  @Override
  public HealthCheckResponse call() {
    SchemaState schema = migrations.state();
    Optional<String> problem = DatabaseProbe.problem(dataSource);
    return HealthCheckResponse.named("database")
        .status(problem.isEmpty() && schema.migrated())
        .withData("database", problem.map(p -> "unreachable: " + p).orElse("reachable"))
        .withData("schema", schema.phase() + ": " + schema.detail())
        .build();
  }
}
