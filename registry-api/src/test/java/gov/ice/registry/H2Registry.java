package gov.ice.registry;

import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.TemporaryDirectories;
import gov.ice.registry.support.TestUsers;
import java.nio.file.Path;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The registry on its embedded default, an H2 file in a data directory, serving real HTTP on a
 * random port. Every IT class extending it shares one application context (and one data
 * directory), so the suite starts it once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring Boot tests turn metrics export off by default; the Prometheus endpoint is part of the contract.
@AutoConfigureObservability(tracing = false)
public abstract class H2Registry {

  static final Path DATA_DIR = TemporaryDirectories.create("registry-h2-it-");

  @LocalServerPort
  protected int port;

  @DynamicPropertySource
  static void embeddedDefault(DynamicPropertyRegistry registry) {
    RegistryApplication.disableAxonUpdateChecker();
    registry.add("registry.data-dir", DATA_DIR::toString);
    registry.add("registry.ledger.url", () -> "");
    registry.add("registry.security.users-file", () -> TestUsers.usersFile().toString());
    // The suite shares this context, and some tests send wrong passwords on purpose: throttling
    // has its own test (ThrottlingIT) and must not lock the example users out of the others.
    registry.add("registry.security.sign-in.max-failures-per-user", () -> "100000");
    registry.add("registry.security.sign-in.max-failures-per-address", () -> "100000");
  }

  public RegistryClient registry() {
    return new RegistryClient(port);
  }
}
