package gov.ice.registry.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.MongoWireProcess;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.RegistryProcess;
import gov.ice.registry.support.TestPostgres;
import gov.ice.registry.support.TestUsers;
import gov.ice.registry.web.position.ReadYourWrites;
import gov.ice.registry.web.query.ReadSideBodies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two registry processes on one PostgreSQL ledger and one read store, each with its own Lucene
 * index on its own disk: what is written through one is found through the other within a bound,
 * and after writes through both at once the two indexes answer every search, facet, review view,
 * exigent list and audit page alike.
 */
class SearchConvergenceIT {

  /** How long the other instance may take to find a write (its loop polls the ledger every 200 ms; 7 s seen at a load of 20 on two cores). */
  static final Duration BOUND = Duration.ofSeconds(20);

  @TempDir
  Path logs;

  @Test
  void eachInstancesIndexFindsTheOthersWritesWithinABoundAndBothConverge() throws Exception {
    String database = TestPostgres.instance().newDatabase("registry_convergence");
    converge(Map.of(
        "REGISTRY_DATABASE_URL", database,
        "REGISTRY_DATABASE_USERNAME", "postgres",
        "REGISTRY_DATABASE_PASSWORD", ""), logs);
  }

  /**
   * The scenario on the ledger {@code ledger} names (its url and credentials): two registry
   * processes on it and on one read store, each with its own index under {@code logs}.
   */
  static void converge(Map<String, String> ledger, Path logs) throws Exception {
    try (MongoWireProcess mongo = MongoWireProcess.start(logs.resolve("mongo.log"))) {
      Map<String, String> environment = new HashMap<>(ledger);
      environment.put("REGISTRY_MONGODB_URI", mongo.uri());
      environment.put("REGISTRY_NOTICES_CRON", "-");
      try (RegistryProcess first = RegistryProcess.start(own(environment, logs.resolve("first-search")), logs.resolve("first.log"));
          RegistryProcess second = RegistryProcess.start(own(environment, logs.resolve("second-search")), logs.resolve("second.log"))) {
        List<RegistryClient> instances = List.of(first.client(), second.client());
        String marker = UUID.randomUUID().toString().substring(0, 8);

        // One at a time: each write, then the other instance's search, polled until it finds it.
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          RegistryClient writer = instances.get(i % 2);
          RegistryClient reader = instances.get((i + 1) % 2);
          String party = "Convergence " + marker + " " + i;
          Response drafted = writer.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", ReadSideBodies.draft("Converging " + marker, party));
          assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
          long start = System.nanoTime();
          await("instance " + (i + 1) % 2 + " finds " + party).atMost(BOUND).pollInterval(Duration.ofMillis(20))
              .until(() -> reader.as(TestUsers.PROGRAM_OFFICE).get("/api/agreements?q=" + party.replace(' ', '+'))
                  .json().path("items").findValuesAsText("id").contains(drafted.id()));
          waits.add((System.nanoTime() - start) / 1_000_000);

          // The write's position, given to the other instance: its answer waits for its own index, and holds the write.
          String position = drafted.header(ReadYourWrites.HEADER).orElseThrow();
          Response concurred = writer.as(TestUsers.stakeholder(StakeholderOffice.IGP))
              .post("/api/agreements/" + drafted.id() + "/concurrences", AgreementBodies.concurrence("IGP", 1));
          assertThat(concurred.status()).as(concurred.toString()).isEqualTo(200);
          // Past its bound (2 s) the reader answers 503 with Retry-After, as documented, and the client asks
          // again: on a machine at a load of 50 that happened. What must never happen is a 200 without the write.
          String concurredAt = concurred.header(ReadYourWrites.HEADER).orElseThrow();
          await("instance " + (i + 1) % 2 + " answers the audit with position " + concurredAt).atMost(BOUND)
              .pollInterval(Duration.ofMillis(20)).until(() -> {
                Response audit = reader.as(TestUsers.AUDITOR).header(ReadYourWrites.HEADER, concurredAt)
                    .get("/api/audit/approvals?size=200&actor=" + TestUsers.stakeholder(StakeholderOffice.IGP));
                assertThat(audit.status()).as(audit.toString()).isIn(200, 503);
                if (audit.status() == 503) {
                  assertThat(audit.header("Retry-After")).as(audit.toString()).isPresent();
                  return false;
                }
                assertThat(audit.json().path("items").findValuesAsText("agreementId")).contains(drafted.id());
                return true;
              });
          assertThat(Long.parseLong(position)).isNotNegative();
        }
        System.out.println("SearchConvergenceIT: found through the other instance after " + waits + " ms");

        // Both at once: drafts, concurrences and imported agreements through either instance.
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (RegistryClient instance : instances) {
          writers.add(CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 12; i++) {
              Response drafted = instance.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
              assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
              if (i % 2 == 0) {
                instance.as(TestUsers.stakeholder(StakeholderOffice.IGP))
                    .post("/api/agreements/" + drafted.id() + "/concurrences", AgreementBodies.concurrence("IGP", 1));
              }
              if (i % 4 == 0) {
                Response imported = instance.as(TestUsers.IGP).post("/api/agreements/import", AgreementBodies.executed("CONV-" + UUID.randomUUID().toString().substring(0, 8)));
                assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
              }
            }
          }));
        }
        writers.forEach(CompletableFuture::join);

        await("both indexes answer alike").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
            .until(() -> answers(instances.get(0)).equals(answers(instances.get(1))));
        List<String> answers = answers(instances.get(0));
        assertThat(answers.get(0)).contains(marker);
        assertThat(instances.get(0).as(TestUsers.AUDITOR).get("/api/agreements?size=1").json().path("total").asLong())
            .isGreaterThanOrEqualTo(8 + 24 + 6);
        // Each index its own directory, on its own disk.
        assertThat(Files.exists(logs.resolve("first-search").resolve("CURRENT"))).isTrue();
        assertThat(Files.exists(logs.resolve("second-search").resolve("CURRENT"))).isTrue();
      }
    }
  }

  private static Map<String, String> own(Map<String, String> environment, Path searchDir) {
    Map<String, String> own = new HashMap<>(environment);
    own.put("REGISTRY_SEARCH_DIR", searchDir.toString());
    return own;
  }

  /** What the index answers, as text: the repository page with its facets, the audit, the deadlines and the review views. */
  private static List<String> answers(RegistryClient instance) {
    List<String> answers = new ArrayList<>();
    for (String path : List.of("/api/agreements?size=200&sort=createdAt", "/api/agreements?q=sharing&size=200",
        "/api/audit/approvals?size=200", "/api/audit/approvals?size=200&office=IGP", "/api/deadlines/exigent",
        "/api/reviews/overdue?size=200", "/api/reviews/due?within=P3Y&size=200")) {
      Response answer = instance.as(TestUsers.AUDITOR).get(path);
      JsonNode json = answer.json();
      assertThat(answer.status()).as(path + " " + answer).isEqualTo(200);
      answers.add(answer.status() + " " + (json == null ? answer.text() : json.toString()));
    }
    return answers;
  }
}
