package gov.ice.registry.web.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.RegistryProcess;
import gov.ice.registry.support.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild builds the read model into a new collection while searches answer from the live one,
 * switches once it has caught up (here checked every 5 s, so the rebuild is still running when the
 * second request arrives), refuses a second rebuild meanwhile with 409, and ends with the same
 * answers as before, document for document.
 */
class RebuildIT {

  static final int AGREEMENTS = 25;
  @TempDir
  Path dataDir;

  @TempDir
  Path logs;

  @Test
  void aRebuildNeverEmptiesTheSearchAndRefusesASecondOne() throws Exception {
    Map<String, String> environment = Map.of("REGISTRY_DATA_DIR", dataDir.toString(), "REGISTRY_READ_MODELS_SWITCH_CHECK", "PT5S");
    try (RegistryProcess registry = RegistryProcess.start(environment, logs.resolve("registry.log"))) {
      RegistryClient client = registry.client();
      for (int i = 0; i < AGREEMENTS; i++) {
        Response drafted = client.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
        assertThat(drafted.status()).isEqualTo(201);
        client.as(TestUsers.stakeholder(StakeholderOffice.IGP))
            .post("/api/agreements/" + drafted.id() + "/concurrences", AgreementBodies.concurrence("IGP", 1));
      }
      ReadStoreRestartIT.awaitRebuilt(client);
      await().atMost(Duration.ofSeconds(60)).until(() -> total(client) == AGREEMENTS);
      List<JsonNode> before = ReadModelAnswers.of(client);

      Queue<Long> totals = new ConcurrentLinkedQueue<>();
      AtomicBoolean stop = new AtomicBoolean();
      Thread searcher = new Thread(() -> {
        while (!stop.get()) {
          totals.add(total(client));
        }
      }, "searcher");
      searcher.start();
      try {
        Response first = client.as(TestUsers.ADMIN).post("/api/admin/projections/repository/rebuild", null);
        assertThat(first.status()).isEqualTo(202);
        Response second = client.as(TestUsers.ADMIN).post("/api/admin/projections/repository/rebuild", null);
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().path("type").asText()).endsWith("/rebuild-running");
        // The search index: a new directory beside the live one, swapped in once caught up; one at a time too.
        assertThat(client.as(TestUsers.ADMIN).post("/api/admin/projections/search/rebuild", null).status()).isEqualTo(202);
        Response again = client.as(TestUsers.ADMIN).post("/api/admin/projections/search/rebuild", null);
        assertThat(again.status()).as(again.toString()).isIn(202, 409);
        for (String name : List.of("reviews", "exigent", "notices", "audit")) {
          assertThat(client.as(TestUsers.ADMIN).post("/api/admin/projections/" + name + "/rebuild", null).status()).isEqualTo(202);
        }
        ReadStoreRestartIT.awaitRebuilt(client);
        long searchesAfterSwitch = totals.size() + 3;
        await().atMost(Duration.ofSeconds(30)).until(() -> totals.size() >= searchesAfterSwitch);
      } finally {
        stop.set(true);
        searcher.join(Duration.ofSeconds(30).toMillis());
      }
      assertThat(totals).isNotEmpty().allMatch(total -> total == AGREEMENTS);
      List<JsonNode> after = ReadModelAnswers.of(client);
      assertThat(after).isEqualTo(before);
      // Each rebuild says when it starts and ends, and none starts with mongo-java-server's "ns not found" ERROR.
      String log = java.nio.file.Files.readString(logs.resolve("registry.log"));
      assertThat(log).contains("Rebuild of read model repository started", "Rebuild of read model repository done",
          "Rebuild of read model audit started", "Rebuild of read model audit done");
      assertThat(log).doesNotContain("ns not found").doesNotContain(" ERROR ");
    }
  }

  /**
   * On a ledger without events every read model's rebuild is accepted (it answered 500: the reset
   * stored a null token), finishes at once, and the read models then follow the first events.
   */
  @Test
  void aRebuildOnAnEmptyLedgerIsAcceptedAndTheReadModelsFollowTheFirstEvents() throws Exception {
    try (RegistryProcess registry = RegistryProcess.start(Map.of("REGISTRY_DATA_DIR", dataDir.toString()), logs.resolve("empty.log"))) {
      RegistryClient client = registry.client();
      ReadStoreRestartIT.awaitRebuilt(client);
      for (String name : gov.ice.registry.support.ReadModels.ALL) {
        Response rebuilt = client.as(TestUsers.ADMIN).post("/api/admin/projections/" + name + "/rebuild", null);
        assertThat(rebuilt.status()).as(name + ": " + rebuilt).isEqualTo(202);
      }
      ReadStoreRestartIT.awaitRebuilt(client);
      Response drafted = client.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
      assertThat(drafted.status()).isEqualTo(201);
      client.as(TestUsers.stakeholder(StakeholderOffice.IGP))
          .post("/api/agreements/" + drafted.id() + "/concurrences", AgreementBodies.concurrence("IGP", 1));
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> total(client) == 1
          && client.as(TestUsers.AUDITOR).get("/api/audit/approvals?size=5").json().path("total").asLong() == 1);
      assertThat(java.nio.file.Files.readString(logs.resolve("empty.log"))).doesNotContain("NullPointerException");
    }
  }

  private static long total(RegistryClient client) {
    return client.as(TestUsers.AUDITOR).get("/api/agreements?size=1").json().path("total").asLong();
  }
}
