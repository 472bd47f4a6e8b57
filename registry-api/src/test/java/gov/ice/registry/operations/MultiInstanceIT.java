package gov.ice.registry.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import gov.ice.registry.agreement.BiennialReview;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.MongoWireProcess;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.RegistryProcess;
import gov.ice.registry.support.TestPostgres;
import gov.ice.registry.support.TestUsers;
import gov.ice.registry.web.query.ReadSideBodies;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two registry processes (the packaged jar) on one PostgreSQL ledger and one MongoDB
 * wire-protocol server running as a process of its own, as the registry runs behind a load
 * balancer: commands alternate between the instances and each one's searches see the other's
 * writes; the notice job run on both at once records each notice once; the checkpoint schedule
 * records one checkpoint per firing; and after one instance is killed with SIGKILL in the middle
 * of a load, no acknowledged command is lost and the survivor takes over its read-model work and
 * its jobs.
 */
class MultiInstanceIT {

  private static final ZoneId ZONE = ZoneId.of("America/New_York");

  @TempDir
  Path logs;

  private static Map<String, String> withSearchDir(Map<String, String> environment, Path dir) {
    Map<String, String> own = new java.util.HashMap<>(environment);
    own.put("REGISTRY_SEARCH_DIR", dir.toString());
    return own;
  }

  @Test
  void twoInstancesShareTheLedgerTheReadStoreAndTheJobs() throws Exception {
    String database = TestPostgres.instance().newDatabase("registry_multi");
    try (MongoWireProcess mongo = MongoWireProcess.start(logs.resolve("mongo.log"))) {
      Map<String, String> environment = Map.of(
          "REGISTRY_DATABASE_URL", database,
          "REGISTRY_DATABASE_USERNAME", "postgres",
          "REGISTRY_DATABASE_PASSWORD", "",
          "REGISTRY_MONGODB_URI", mongo.uri(),
          // Two segments per read model, as the cluster's configuration has: the instances split each one.
          "REGISTRY_READ_MODELS_SEGMENTS", "2",
          "REGISTRY_LEDGER_SIGNING_KEY_FILE", signingKey().toString(),
          // Checkpoints every 30 s on both instances, the leaf log every second; no daily notice run.
          "REGISTRY_LEDGER_CHECKPOINT_CRON", "*/30 * * * * *",
          "REGISTRY_LEDGER_LEAF_INTERVAL", "PT1S",
          "REGISTRY_NOTICES_CRON", "-");
      // Each instance keeps its own search index on its own disk.
      RegistryProcess first = RegistryProcess.start(withSearchDir(environment, logs.resolve("first-search")),
          logs.resolve("first.log"));
      try (RegistryProcess second = RegistryProcess.start(withSearchDir(environment, logs.resolve("second-search")),
          logs.resolve("second.log"))) {
        List<RegistryClient> instances = List.of(first.client(), second.client());
        commandsAlternateAndSearchesSeeTheOthersWrites(instances);
        noticesRunOnBothAtOnceAreRecordedOnce(instances);
        oneCheckpointPerFiring(database, instances);
        killedInstanceLosesNothingAndTheOtherTakesOver(first, instances.get(1), database);
      } finally {
        first.close();
      }
    }
  }

  private void commandsAlternateAndSearchesSeeTheOthersWrites(List<RegistryClient> instances) {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 4; i++) {
      RegistryClient writer = instances.get(i % 2);
      RegistryClient reader = instances.get((i + 1) % 2);
      String party = "Agency " + marker + " " + i;
      Response drafted = writer.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", ReadSideBodies.draft("Alternating " + marker, party));
      assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
      // The next command on the same agreement goes to the other instance.
      Response revised = reader.as(TestUsers.PROGRAM_OFFICE).put("/api/agreements/" + drafted.id() + "/draft",
          ReadSideBodies.draft("Alternating " + marker + " revised", party));
      assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
      assertThat(revised.json().path("version").asLong()).isEqualTo(2);
      for (RegistryClient searcher : instances) {
        await("instance " + instances.indexOf(searcher) + " finds " + party).atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200)).until(() -> {
              Response found = searcher.as(TestUsers.PROGRAM_OFFICE).get("/api/agreements?q=" + encode(party));
              return found.status() == 200 && found.json().path("items").findValuesAsText("id").contains(drafted.id())
                  && found.text().contains("revised");
            });
      }
    }
  }

  private void noticesRunOnBothAtOnceAreRecordedOnce(List<RegistryClient> instances) throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    LocalDate today = LocalDate.now(ZONE);
    Response late = instances.get(0).as(TestUsers.IGP).post("/api/agreements/import", ReadSideBodies.executed("Late " + marker,
        "Late Agency " + marker, today.minusDays(40).minusYears(BiennialReview.INTERVAL_YEARS)));
    assertThat(late.status()).as(late.toString()).isEqualTo(201);
    // The job reads candidates from the read models: wait until both instances' searches hold it.
    for (RegistryClient instance : instances) {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> instance.as(TestUsers.IGP).get("/api/reviews/overdue").text().contains(late.id()));
    }
    for (int round = 0; round < 2; round++) {
      List<CompletableFuture<Response>> runs = instances.stream()
          .map(i -> CompletableFuture.supplyAsync(() -> i.as(TestUsers.ADMIN).post("/api/admin/notices/run", null))).toList();
      for (CompletableFuture<Response> run : runs) {
        assertThat(run.get().status()).as(run.get().toString()).isEqualTo(200);
      }
    }
    long notices = 0;
    for (JsonNode entry : instances.get(1).as(TestUsers.AUDITOR).get("/api/agreements/" + late.id() + "/history").json()) {
      notices += entry.path("type").asText().endsWith("ReviewDueNoticeIssued") ? 1 : 0;
    }
    assertThat(notices).as("review-due notices for the overdue agreement after two runs on both instances").isEqualTo(1);
  }

  private void oneCheckpointPerFiring(String database, List<RegistryClient> instances) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    // Events keep arriving, so each instance whose schedule fires would find something new to sign.
    CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
      int i = 0;
      while (!stop.get()) {
        instances.get(i++ % 2).as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
      }
    });
    try {
      await("checkpoints of two firings").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
          .until(() -> checkpointTimes(database).size() >= 2);
    } finally {
      stop.set(true);
      load.join();
    }
    List<Instant> times = checkpointTimes(database);
    for (int i = 1; i < times.size(); i++) {
      assertThat(Duration.between(times.get(i - 1), times.get(i)))
          .as("checkpoints " + times + ": one per firing of the 30 s schedule, never one per instance")
          .isGreaterThan(Duration.ofSeconds(20));
    }
  }

  private void killedInstanceLosesNothingAndTheOtherTakesOver(RegistryProcess victim, RegistryClient survivor, String database)
      throws Exception {
    RegistryClient victimClient = victim.client();
    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    List<CompletableFuture<Void>> clients = new ArrayList<>();
    for (RegistryClient target : List.of(victimClient, survivor, victimClient)) {
      clients.add(CompletableFuture.runAsync(() -> {
        while (!stop.get()) {
          try {
            Response drafted = target.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
            if (drafted.status() == 201) {
              acknowledged.add(drafted.id());
            }
          } catch (IllegalStateException connectionLost) {
            if (target == victimClient) {
              return;
            }
          }
        }
      }));
    }
    await("a load on both instances").atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 40);
    victim.kill();
    await("more commands acknowledged by the survivor").atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 60);
    stop.set(true);
    clients.forEach(CompletableFuture::join);

    for (String id : acknowledged) {
      Response history = survivor.as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history");
      assertThat(history.status()).as("acknowledged draft " + id + ": " + history).isEqualTo(200);
    }
    // The survivor takes over the victim's read-model processing once its token claims expire ...
    String party = "After the kill " + UUID.randomUUID().toString().substring(0, 8);
    Response after = survivor.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", ReadSideBodies.draft("After the kill", party));
    assertThat(after.status()).isEqualTo(201);
    await("the survivor's searches after the kill").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .until(() -> survivor.as(TestUsers.PROGRAM_OFFICE).get("/api/agreements?q=" + encode(party)).text().contains(after.id()));
    // ... and its jobs once their locks are released or expire: the leaf log takes in every event.
    await("the survivor's leaf-log job").atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
        .until(() -> eventsWithoutLeaf(database) == 0);
  }

  private static List<Instant> checkpointTimes(String database) throws Exception {
    List<Instant> times = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(database, "postgres", "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT recorded_at FROM ledger_checkpoint ORDER BY checkpoint_number")) {
      while (rows.next()) {
        times.add(Instant.parse(rows.getString(1)));
      }
    }
    return times;
  }

  private static long eventsWithoutLeaf(String database) throws Exception {
    try (Connection connection = DriverManager.getConnection(database, "postgres", "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM domainevententry e "
            + "WHERE NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.global_index = e.globalindex)")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private Path signingKey() throws Exception {
    Path key = logs.resolve("ledger-signing-key.pem");
    gov.ice.registry.chain.SigningKeys.loadOrGenerate(key, new java.security.SecureRandom());
    return key;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
