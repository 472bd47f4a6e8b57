package gov.ice.registry;

import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.TemporaryDirectories;
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

/** The ledger's integrity on the embedded default (an H2 file), in a data directory of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class H2LedgerIntegrityIT implements LedgerIntegrityScenarios {

  static final Path DATA_DIR = TemporaryDirectories.create("registry-ledger-it-");

  @DynamicPropertySource
  static void embeddedDefault(DynamicPropertyRegistry registry) {
    RegistryApplication.disableAxonUpdateChecker();
    registry.add("registry.data-dir", DATA_DIR::toString);
    registry.add("registry.ledger.url", () -> "");
    registry.add("registry.security.users-file", () -> TestUsers.usersFile().toString());
    // No periodic leaf append: it would witness a row a test edits and restores (checkpoints take events in when a test needs it).
    registry.add("registry.ledger.leaf-interval", () -> "PT24H");
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
