package gov.ice.registry;

import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.TemporaryDirectories;
import gov.ice.registry.support.TestPostgres;
import gov.ice.registry.support.TestUsers;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ledger's integrity on PostgreSQL, in a database of its own (its SQL runs on both stores). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class PostgresLedgerIntegrityIT implements LedgerIntegrityScenarios {

  static final Path DATA_DIR = TemporaryDirectories.create("registry-ledger-pg-it-");

  private static String databaseUrl;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    RegistryApplication.disableAxonUpdateChecker();
    registry.add("registry.data-dir", DATA_DIR::toString);
    registry.add("registry.ledger.url", PostgresLedgerIntegrityIT::databaseUrl);
    registry.add("registry.ledger.username", () -> "postgres");
    registry.add("registry.ledger.password", () -> "");
    registry.add("registry.security.users-file", () -> TestUsers.usersFile().toString());
    // No periodic leaf append: it would witness a row a test edits and restores (checkpoints take events in when a test needs it).
    registry.add("registry.ledger.leaf-interval", () -> "PT24H");
  }

  private static synchronized String databaseUrl() {
    if (databaseUrl == null) {
      databaseUrl = TestPostgres.instance().newDatabase("registry_ledger_it");
    }
    return databaseUrl;
  }

  @LocalServerPort
  int port;

  @Autowired
  DataSource dataSource;

  @Override
  public RegistryClient registry() {
    return new RegistryClient(port);
  }

  @Override
  public JdbcTemplate jdbc() {
    return new JdbcTemplate(dataSource);
  }
}
