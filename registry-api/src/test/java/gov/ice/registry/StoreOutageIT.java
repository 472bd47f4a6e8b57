package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestPostgres;
import gov.ice.registry.support.TemporaryDirectories;
import gov.ice.registry.support.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ledger's database goes away: requests answer 503 with Retry-After within seconds instead
 * of hanging, nothing is half-recorded, readiness reports DOWN, and the registry recovers by
 * itself when the database is back.
 */
class StoreOutageIT {

  @Test
  void answersServiceUnavailableWhileTheLedgerIsDownAndRecoversAfter() {
    Assumptions.assumeTrue(TestPostgres.privateServersAvailable(), "needs PostgreSQL binaries to stop and restart a server");
    TestPostgres postgres = TestPostgres.startPrivate();
    String url = postgres.newDatabase("registry_outage");
    try (ConfigurableApplicationContext context = TestPostgres.startRegistry(url)) {
      RegistryClient registry = new RegistryClient(TestPostgres.port(context));
      String id = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft()).id();

      postgres.stop();
      long started = System.nanoTime();
      Response refused = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).hasValue("5");
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().path("type").asText()).endsWith("/store-unavailable");
      assertThat(took).isLessThan(Duration.ofSeconds(10));
      assertThat(registry.as(TestUsers.AUDITOR).get("/api/agreements/" + id).status()).isEqualTo(503);
      assertThat(registry.anonymous().get("/actuator/health/readiness").status()).isEqualTo(503);
      assertThat(registry.anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);

      postgres.restart();
      // Each attempt has its own short timeout: on a loaded machine the first connections to a
      // restarted server can be slow, and one slow attempt must not use up the whole window.
      await("the registry to recover").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
          .until(() -> registry.as(TestUsers.AUDITOR).timeout(Duration.ofSeconds(5))
              .get("/api/agreements/" + id + "/history").status() == 200);
      Response history = registry.as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history");
      assertThat(history.json().size()).isEqualTo(1);
      assertThat(registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft()).status()).isEqualTo(201);
    } finally {
      stopQuietly(postgres);
    }
  }

  /** The server may be down already if the test failed during the outage; that must not hide the failure. */
  private static void stopQuietly(TestPostgres postgres) {
    try {
      postgres.stop();
    } catch (IllegalStateException alreadyStopped) {
      assertThat(alreadyStopped).hasMessageContaining("pg_ctl");
    }
  }
}
