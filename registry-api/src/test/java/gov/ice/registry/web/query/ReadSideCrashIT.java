package gov.ice.registry.web.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import gov.ice.registry.projection.mongo.EmbeddedReadStore;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.RegistryProcess;
import gov.ice.registry.support.TestUsers;
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
 * Kill -9 during a burst of commands, restart on the same ledger and the same read store (a
 * MongoDB wire-protocol server outside the registry's process, so documents and tokens survive
 * the kill, possibly with documents ahead of their tokens): the read side catches up, and what it
 * answers equals what a rebuild from the ledger answers.
 */
class ReadSideCrashIT {

  static final int CLIENTS = 3;
  static final int ACKNOWLEDGED_BEFORE_KILL = 40;
  @TempDir
  Path dataDir;

  @TempDir
  Path logs;

  @Test
  void theReadSideConvergesToARebuildAfterASigkill() throws Exception {
    try (EmbeddedReadStore readStore = EmbeddedReadStore.start()) {
      Map<String, String> store = Map.of("REGISTRY_DATA_DIR", dataDir.toString(), "REGISTRY_MONGODB_URI", readStore.connectionString());
      Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> clients = new ArrayList<>();
      try (RegistryProcess registry = RegistryProcess.start(store, logs.resolve("first.log"))) {
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

      try (RegistryProcess restarted = RegistryProcess.start(store, logs.resolve("second.log"))) {
        RegistryClient client = restarted.client();
        awaitCaughtUp(client);
        Response search = client.as(TestUsers.AUDITOR).get("/api/agreements?size=200");
        List<String> found = search.json().path("items").findValuesAsText("id");
        assertThat(found).containsAll(acknowledged);
        List<JsonNode> converged = ReadModelAnswers.of(client);

        for (String name : gov.ice.registry.support.ReadModels.ALL) {
          assertThat(client.as(TestUsers.ADMIN).post("/api/admin/projections/" + name + "/rebuild", null).status()).isEqualTo(202);
        }
        awaitCaughtUp(client);
        List<JsonNode> rebuilt = ReadModelAnswers.of(client);
        assertThat(converged).isEqualTo(rebuilt);
      }
    }
  }

  private static void draftAndConcurUntilStopped(RegistryClient client, Queue<String> acknowledged, AtomicBoolean stop) {
    while (!stop.get()) {
      try {
        Response drafted = client.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
        if (drafted.status() == 201) {
          acknowledged.add(drafted.id());
          client.as(TestUsers.stakeholder(gov.ice.registry.agreement.api.StakeholderOffice.IGP))
              .post("/api/agreements/" + drafted.id() + "/concurrences", AgreementBodies.concurrence("IGP", 1));
        }
      } catch (IllegalStateException connectionLost) {
        return;
      }
    }
  }

  private static void awaitCaughtUp(RegistryClient client) {
    await("every read model caught up").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
      JsonNode statuses = client.as(TestUsers.ADMIN).get("/api/admin/projections").json();
      boolean all = statuses != null && statuses.size() == gov.ice.registry.support.ReadModels.ALL.size();
      for (JsonNode s : statuses) {
        all &= s.path("running").asBoolean() && s.path("caughtUp").asBoolean() && s.path("error").isNull();
      }
      return all;
    });
  }
}
