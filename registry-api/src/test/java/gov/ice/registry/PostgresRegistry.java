package gov.ice.registry;

import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.TestPostgres;
import gov.ice.registry.support.TemporaryDirectories;
import gov.ice.registry.support.TestUsers;
import java.nio.file.Path;
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

  /** The signing key and the embedded read store's file: never the working directory, which other ITs' processes may hold. */
  static final Path DATA_DIR = TemporaryDirectories.create("registry-pg-it-");

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    RegistryApplication.disableAxonUpdateChecker();
    registry.add("registry.data-dir", DATA_DIR::toString);
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
