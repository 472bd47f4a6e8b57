package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Stop the registry and start it again on the same data directory: everything is still there. */
class RestartIT {

  @TempDir
  Path dataDir;

  @Test
  void keepsEverythingAcrossARestartOnTheSameDataDirectory() {
    String id;
    String historyBefore;
    try (ConfigurableApplicationContext first = start()) {
      RegistryClient registry = new RegistryClient(port(first));
      Response drafted = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
      id = drafted.id();
      assertThat(registry.as("sam-igp").ifMatch(drafted.etag())
          .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence("IGP", 1)).status()).isEqualTo(200);
      historyBefore = registry.as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history").text();
    }
    try (ConfigurableApplicationContext second = start()) {
      RegistryClient registry = new RegistryClient(port(second));
      Response history = registry.as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history");
      assertThat(history.status()).isEqualTo(200);
      assertThat(history.json().size()).isEqualTo(2);
      assertThat(history.text()).isEqualTo(historyBefore);
      Response next = registry.as("sam-opp").ifMatch("\"2\"")
          .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence("OPP", 1));
      assertThat(next.status()).as(next.toString()).isEqualTo(200);
      assertThat(next.etag()).isEqualTo("\"3\"");
    }
  }

  private ConfigurableApplicationContext start() {
    RegistryApplication.disableAxonUpdateChecker();
    // As arguments, which outrank application.yml, as an operator's would.
    return new SpringApplicationBuilder(RegistryApplication.class).run(
        "--server.port=0",
        "--registry.data-dir=" + dataDir,
        "--registry.ledger.url=",
        "--registry.security.users-file=" + TestUsers.usersFile());
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
