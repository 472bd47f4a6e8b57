package gov.ice.registry;

import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.TestPostgres;
import gov.ice.registry.support.TestUsers;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The registry with its ledger on a real PostgreSQL server ({@link TestPostgres}), serving real
 * HTTP on a random port. IT classes extending it share one context and one database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring Boot tests turn metrics export off by default; the Prometheus endpoint is part of the contract.
@AutoConfigureObservability(tracing = false)
public abstract class PostgresRegistry {

  private static String databaseUrl;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    RegistryApplication.disableAxonUpdateChecker();
    registry.add("registry.ledger.url", PostgresRegistry::databaseUrl);
    registry.add("registry.ledger.username", () -> "postgres");
    registry.add("registry.ledger.password", () -> "");
    registry.add("registry.security.users-file", () -> TestUsers.usersFile().toString());
  }

  private static synchronized String databaseUrl() {
    if (databaseUrl == null) {
      databaseUrl = TestPostgres.instance().newDatabase("registry_it");
    }
    return databaseUrl;
  }

  public RegistryClient registry() {
    return new RegistryClient(port);
  }
}
