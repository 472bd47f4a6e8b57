package gov.ice.registry.web.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.projection.mongo.ReadStoreConfiguration;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.RegistryProcess;
import gov.ice.registry.support.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded read store keeps its documents and tokens in the data directory: after a kill -9
 * in the middle of a burst (and so of a batch) the registry restarts on the same directory, says
 * ready only once its read models hold every acknowledged agreement, and what they answer equals
 * a rebuild from the ledger: nothing lost, nothing doubled.
 */
class ReadStoreRestartIT {

  static final int CLIENTS = 3;
  static final int ACKNOWLEDGED_BEFORE_KILL = 40;
  @TempDir
  Path dataDir;

  @TempDir
  Path logs;

  @Test
  void theReadStoreSurvivesAKillAndReadinessWaitsForItToCatchUp() throws Exception {
    Map<String, String> environment = Map.of("REGISTRY_DATA_DIR", dataDir.toString(), "REGISTRY_READ_MODELS_BATCH_SIZE", "20");
    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    try (RegistryProcess registry = RegistryProcess.start(environment, logs.resolve("first.log"))) {
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> clients = new ArrayList<>();
      RegistryClient client = registry.client();
      for (int i = 0; i < CLIENTS; i++) {
        Thread thread = new Thread(() -> draftAndConcurUntilStopped(client, acknowledged, stop), "burst-" + i);
        thread.start();
        clients.add(thread);
      }
      await("a burst of acknowledged commands").atMost(Duration.ofSeconds(90)).until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);
      registry.kill();
      stop.set(true);
      for (Thread thread : clients) {
        thread.join(Duration.ofSeconds(60).toMillis());
      }
    }
    assertThat(dataDir.resolve(ReadStoreConfiguration.EMBEDDED_FILE)).exists();

    try (RegistryProcess restarted = RegistryProcess.start(environment, logs.resolve("second.log"))) {
      RegistryClient client = restarted.client();
      // Ready means caught up: no waiting here, the first search after readiness holds every agreement.
      List<String> found = client.as(TestUsers.AUDITOR).get("/api/agreements?size=200").json().path("items").findValuesAsText("id");
      assertThat(found).containsAll(acknowledged).doesNotHaveDuplicates();
      JsonNode statuses = client.as(TestUsers.ADMIN).get("/api/admin/projections").json();
      assertThat(statuses).hasSize(gov.ice.registry.support.ReadModels.ALL.size());
      for (JsonNode status : statuses) {
        assertThat(status.path("caughtUp").asBoolean()).as(status.toString()).isTrue();
        assertThat(status.path("position").isNumber()).as(status.toString()).isTrue();
      }
      List<JsonNode> converged = ReadModelAnswers.of(client);

      for (String name : gov.ice.registry.support.ReadModels.ALL) {
        assertThat(client.as(TestUsers.ADMIN).post("/api/admin/projections/" + name + "/rebuild", null).status()).isEqualTo(202);
      }
      awaitRebuilt(client);
      List<JsonNode> rebuilt = ReadModelAnswers.of(client);
      assertThat(converged).isEqualTo(rebuilt);
    }

    // A clean restart finds the same read models in the file, ready at once.
    try (RegistryProcess again = RegistryProcess.start(environment, logs.resolve("third.log"))) {
      List<String> found = again.client().as(TestUsers.AUDITOR).get("/api/agreements?size=200").json().path("items").findValuesAsText("id");
      assertThat(found).containsAll(acknowledged);
      assertThat(Files.size(dataDir.resolve(ReadStoreConfiguration.EMBEDDED_FILE))).isPositive();
    }
  }

  static void draftAndConcurUntilStopped(RegistryClient client, Queue<String> acknowledged, AtomicBoolean stop) {
    while (!stop.get()) {
      try {
        Response drafted = client.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
        if (drafted.status() == 201) {
          acknowledged.add(drafted.id());
          client.as(TestUsers.stakeholder(StakeholderOffice.IGP))
              .post("/api/agreements/" + drafted.id() + "/concurrences", AgreementBodies.concurrence("IGP", 1));
        }
      } catch (IllegalStateException connectionLost) {
        return;
      }
    }
  }

  static void awaitRebuilt(RegistryClient client) {
    await("every read model rebuilt").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
      JsonNode statuses = client.as(TestUsers.ADMIN).get("/api/admin/projections").json();
      boolean all = statuses != null && statuses.size() == gov.ice.registry.support.ReadModels.ALL.size();
      for (JsonNode s : statuses) {
        all &= s.path("running").asBoolean() && s.path("caughtUp").asBoolean() && !s.path("rebuilding").asBoolean()
            && s.path("error").isNull();
      }
      return all;
    });
  }
}
