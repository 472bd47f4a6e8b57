package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.RegistryProcess;
import gov.ice.registry.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read models recover from any crash by themselves: the registry, a process of its own, is
 * killed with SIGKILL at random moments under a mix of bulk imports, commands (drafts and
 * concurrences) and read-model rebuilds, and started again on the same stores each time. Every
 * restart must become ready without a hand (readiness 200 within {@link RegistryProcess}'s bound);
 * at the end, every acknowledged draft and imported row is in the read models once, every read
 * model has caught up and fails no more, and what they answer equals a rebuild from the ledger
 * (so their totals are the ledger's, nothing doubled).
 *
 * <p>The number of kills is {@code -Dregistry.soak.kills} (default {@value #DEFAULT_KILLS}, so the
 * build stays short); issue 19 asks for 50: {@code -Dregistry.soak.kills=50}. The moments are
 * drawn from {@code -Dregistry.soak.seed} (default: the time), printed so a failure can be replayed.
 */
abstract class ReadModelSoakScenario {

  static final int DEFAULT_KILLS = 6;
  static final List<String> READ_MODELS = gov.ice.registry.support.ReadModels.ALL;
  /** Rows of one bulk import request. */
  static final int IMPORT_ROWS = 15;

  @TempDir
  Path logs;

  /** The environment that points the registry at its stores; the same for every run. */
  abstract Map<String, String> store();

  @Test
  void everyRestartAfterASigkillIsReadyByItselfAndTheReadModelsConvergeToTheLedger() throws Exception {
    int kills = Integer.getInteger("registry.soak.kills", DEFAULT_KILLS);
    long seed = Long.getLong("registry.soak.seed", System.currentTimeMillis());
    System.out.printf("%s: %d kills, seed %d (-Dregistry.soak.seed=%d replays the moments)%n",
        getClass().getSimpleName(), kills, seed, seed);
    Random random = new Random(seed);
    Map<String, String> store = store();
    Set<String> drafts = ConcurrentHashMap.newKeySet();
    Map<String, String> imported = new ConcurrentHashMap<>();
    List<Long> readyAfter = new ArrayList<>();

    for (int run = 1; run <= kills; run++) {
      long starting = System.nanoTime();
      try (RegistryProcess registry = RegistryProcess.start(store, logs.resolve("run-" + run + ".log"))) {
        readyAfter.add(Duration.ofNanos(System.nanoTime() - starting).toMillis());
        RegistryClient client = registry.client();
        String prefix = prefix(run);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger acknowledged = new AtomicInteger();
        int importedBefore = imported.size();
        long workerSeed = random.nextLong();
        List<Thread> workers = List.of(
            started("soak-commands", () -> commandsAndRebuilds(client, new Random(workerSeed), drafts, acknowledged, stop)),
            started("soak-imports", () -> importInBulk(client, prefix, imported, acknowledged, stop)));
        // A random moment: after a random number of acknowledged operations (a bulk import counts once);
        // in every other run, after a bulk import too, so that the next one is under way.
        int target = 3 + random.nextInt(25);
        boolean afterAnImport = run % 2 == 1;
        await("run " + run + ": " + target + " acknowledged operations" + (afterAnImport ? ", a bulk import among them" : ""))
            .atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(20))
            .until(() -> acknowledged.get() >= target && (!afterAnImport || imported.size() > importedBefore));
        registry.kill();
        stop.set(true);
        for (Thread worker : workers) {
          worker.join(Duration.ofSeconds(60).toMillis());
        }
      }
    }
    System.out.printf("%s: ready after each kill in (ms) %s%n", getClass().getSimpleName(), readyAfter);

    try (RegistryProcess last = RegistryProcess.start(store, logs.resolve("last.log"))) {
      RegistryClient client = last.client();
      awaitCaughtUp(client);
      JsonNode readiness = client.as(TestUsers.ADMIN).get("/actuator/health/readiness").json();
      assertThat(readiness.path("components").path("readModels").path("details").path("audit").path("failing").isBoolean())
          .as("an ADMIN sees each read model's state in readiness: " + readiness).isTrue();
      assertThat(client.anonymous().get("/actuator/health/readiness").json().has("components")).as("anyone else the status only")
          .isFalse();
      List<String> ids = agreementIds(client);
      assertThat(ids).as("no agreement twice in the repository read model").doesNotHaveDuplicates();
      assertThat(ids).as("every acknowledged draft").containsAll(drafts);
      assertThat(imported).as("imported rows acknowledged").isNotEmpty();
      assertThat(ids).as("every acknowledged imported row").containsAll(imported.values());
      JsonNode approvals = client.as(TestUsers.AUDITOR).get("/api/audit/approvals").json();
      List<String> approvalIds = approvals.findValuesAsText("id");
      assertThat(approvalIds).as("no approval twice").doesNotHaveDuplicates();
      Map<String, Object> converged = answers(client);

      for (String name : READ_MODELS) {
        Response rebuild = client.as(TestUsers.ADMIN).post("/api/admin/projections/" + name + "/rebuild", null);
        assertThat(rebuild.status()).as(rebuild.toString()).isIn(202, 409);
      }
      awaitCaughtUp(client);
      assertThat(answers(client)).as("the read models equal a rebuild from the ledger").isEqualTo(converged);
    }
  }

  /** Import references unique to this run and this test's start. */
  private static String prefix(int run) {
    return "R" + run + "-" + Long.toString(System.nanoTime(), 36).toUpperCase();
  }

  private static Thread started(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.start();
    return thread;
  }

  /** Drafts, each concurred, and after about one draft in eight a rebuild of a random read model (409 while one runs is fine). */
  private static void commandsAndRebuilds(RegistryClient client, Random random, Set<String> drafts, AtomicInteger acknowledged,
      AtomicBoolean stop) {
    while (!stop.get()) {
      try {
        Response drafted = client.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
        if (drafted.status() == 201) {
          drafts.add(drafted.id());
          acknowledged.incrementAndGet();
          client.as(TestUsers.stakeholder(StakeholderOffice.IGP))
              .post("/api/agreements/" + drafted.id() + "/concurrences", AgreementBodies.concurrence("IGP", 1));
        }
        if (random.nextInt(8) == 0) {
          client.as(TestUsers.ADMIN).post("/api/admin/projections/" + READ_MODELS.get(random.nextInt(READ_MODELS.size())) + "/rebuild",
              null);
        }
      } catch (IllegalStateException connectionLost) {
        return;
      }
    }
  }

  /** Bulk imports of {@value #IMPORT_ROWS} rows each; a row is acknowledged once its request's report says IMPORTED. */
  private static void importInBulk(RegistryClient client, String prefix, Map<String, String> imported, AtomicInteger acknowledged,
      AtomicBoolean stop) {
    HttpClient http = HttpClient.newHttpClient();
    String authorization = "Basic " + Base64.getEncoder().encodeToString(
        (TestUsers.IGP + ":" + TestUsers.passwordOf(TestUsers.IGP)).getBytes(StandardCharsets.UTF_8));
    for (int batch = 0; !stop.get(); batch++) {
      int b = batch;
      List<String> references = IntStream.range(0, IMPORT_ROWS).mapToObj(i -> "SOAK-" + prefix + "-" + b + "-" + i).toList();
      String body = references.stream().map(r -> executed(r).toString()).collect(Collectors.joining("\n", "", "\n"));
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/agreements/imports"))
            .timeout(Duration.ofMinutes(2)).header("Authorization", authorization).header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        RegistryClient.checked(response);
        if (response.statusCode() == 200) {
          for (JsonNode row : RegistryClient.JSON.readTree(response.body()).path("rows")) {
            if ("IMPORTED".equals(row.path("outcome").asText())) {
              imported.put(references.get(row.path("line").asInt() - 1), row.path("id").asText());
            }
          }
          acknowledged.incrementAndGet();
        }
      } catch (java.io.IOException connectionLost) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** An executed agreement as one import line, filed under {@code reference}. */
  static ObjectNode executed(String reference) {
    ObjectNode body = AgreementBodies.executed(reference);
    body.put("title", "Soak import " + reference);
    return body;
  }

  /** Every agreement id of the repository read model, page by page, oldest first. */
  private static List<String> agreementIds(RegistryClient client) {
    List<String> ids = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode found = client.as(TestUsers.AUDITOR).get("/api/agreements?size=200&sort=createdAt&page=" + page).json();
      found.path("items").forEach(item -> ids.add(item.path("id").asText()));
      if (found.path("items").size() < 200) {
        return ids;
      }
    }
  }

  /** What the read models answer an auditor, to compare with a rebuild. */
  private static Map<String, Object> answers(RegistryClient client) {
    Map<String, Object> answers = new java.util.TreeMap<>();
    answers.put("agreements", agreementIds(client).stream().collect(Collectors.toCollection(HashSet::new)));
    answers.put("agreementsTotal", client.as(TestUsers.AUDITOR).get("/api/agreements?size=1").json().path("total").asLong());
    for (String query : List.of("/api/audit/approvals", "/api/reviews/due?within=P1000D", "/api/deadlines/exigent", "/api/notices")) {
      answers.put(query, client.as(TestUsers.AUDITOR).get(query).json());
    }
    return answers;
  }

  /** Every read model running, caught up, not rebuilding and not failing. */
  private static void awaitCaughtUp(RegistryClient client) {
    await("every read model caught up").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
      JsonNode statuses = client.as(TestUsers.ADMIN).get("/api/admin/projections").json();
      boolean all = statuses != null && statuses.size() == READ_MODELS.size();
      for (JsonNode s : statuses) {
        all &= s.path("running").asBoolean() && s.path("caughtUp").asBoolean() && !s.path("rebuilding").asBoolean()
            && !s.path("failing").asBoolean() && s.path("error").isNull();
      }
      return all;
    });
  }
}
