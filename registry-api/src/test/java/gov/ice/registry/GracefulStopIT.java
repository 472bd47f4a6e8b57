package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.RegistryProcess;
import gov.ice.registry.support.TestUsers;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while work is in flight, on the embedded default, with the packaged jar as its own
 * process: a bulk import stopped midway answers with exactly what it stored, a burst of commands
 * keeps every one it acknowledged and none it refused, and the stop logs no ERROR and no stack
 * trace. A restart on the same data directory is the judge.
 */
class GracefulStopIT {

  static final int ROWS = 3_000;
  static final int STORED_BEFORE_STOP = 200;
  static final int CLIENTS = 4;
  static final int ACKNOWLEDGED_BEFORE_STOP = 40;

  @TempDir
  Path dataDir;

  @TempDir
  Path logs;

  private Map<String, String> store() {
    return Map.of("REGISTRY_DATA_DIR", dataDir.toString());
  }

  @Test
  void aBulkImportStoppedMidwayAnswersWithTheRowsItStoredAndNothingElseIsStored() throws Exception {
    List<String> references = IntStream.range(0, ROWS).mapToObj(i -> "STOP-" + i + "-" + UUID.randomUUID().toString().substring(0, 8))
        .toList();
    byte[] file = references.stream().map(r -> ImportIT.executed(r).toString())
        .collect(Collectors.joining("\n", "", "\n")).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> answer;
    String stopLog;
    try (RegistryProcess registry = RegistryProcess.start(store(), logs.resolve("import.log"))) {
      RegistryClient client = registry.client();
      CompletableFuture<HttpResponse<String>> importing = HttpClient.newHttpClient().sendAsync(
          HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/agreements/imports"))
              .timeout(Duration.ofMinutes(5))
              .header("Authorization", basic(TestUsers.IGP))
              .header("Content-Type", "application/x-ndjson")
              .POST(HttpRequest.BodyPublishers.ofByteArray(file))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      String marker = ImportIT.idOf(references.get(STORED_BEFORE_STOP - 1));
      await("row " + STORED_BEFORE_STOP + " stored").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
          .until(() -> importing.isDone() || client.as(TestUsers.AUDITOR).get("/api/agreements/" + marker).status() == 200);
      assertThat(importing).as("the import still runs when the stop begins").isNotDone();

      stopLog = registry.stop();
      answer = importing.get();
    }

    assertCleanStop(stopLog);
    RegistryClient.checked(answer);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    JsonNode problem = RegistryClient.JSON.readTree(answer.body());
    assertThat(problem.path("reason").asText()).isEqualTo("STOPPING");
    assertThat(problem.path("detail").asText()).doesNotContain("Nothing was recorded");
    long notImportedFrom = problem.path("notImportedFromLine").asLong();
    JsonNode rows = problem.path("rows");
    assertThat(notImportedFrom).as(answer.body()).isGreaterThan(STORED_BEFORE_STOP).isLessThanOrEqualTo(ROWS);
    assertThat(rows.size()).isEqualTo((int) notImportedFrom - 1);
    assertThat(rows.findValuesAsText("outcome")).containsOnly("IMPORTED");
    assertThat(problem.path("totals").path("imported").asLong()).isEqualTo(notImportedFrom - 1);

    try (RegistryProcess restarted = RegistryProcess.start(store(), logs.resolve("restart.log"))) {
      RegistryClient auditor = restarted.client();
      for (int i = 0; i < ROWS; i++) {
        int status = auditor.as(TestUsers.AUDITOR).get("/api/agreements/" + ImportIT.idOf(references.get(i))).status();
        assertThat(status).as("line " + (i + 1) + " (not imported from line " + notImportedFrom + ")")
            .isEqualTo(i + 1 < notImportedFrom ? 200 : 404);
      }
      assertCleanStop(restarted.stop());
    }
  }

  @Test
  void aBurstOfCommandsKeepsEveryAcknowledgedOneAndNoneThatWasRefused() throws Exception {
    Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    Queue<String> refused = new ConcurrentLinkedQueue<>();
    Queue<String> unknown = new ConcurrentLinkedQueue<>();
    AtomicBoolean stopped = new AtomicBoolean();
    String stopLog;
    try (RegistryProcess registry = RegistryProcess.start(store(), logs.resolve("burst.log"))) {
      RegistryClient client = registry.client();
      List<Thread> clients = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        Thread thread = new Thread(() -> importUntilGone(client, acknowledged, refused, unknown, stopped), "stop-client-" + i);
        thread.start();
        clients.add(thread);
      }
      await("a burst of acknowledged commands").atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_STOP);

      stopLog = registry.stop();
      stopped.set(true);
      for (Thread thread : clients) {
        thread.join(Duration.ofSeconds(60).toMillis());
      }
    }

    assertCleanStop(stopLog);
    try (RegistryProcess restarted = RegistryProcess.start(store(), logs.resolve("burst-restart.log"))) {
      RegistryClient auditor = restarted.client();
      for (String reference : acknowledged) {
        Response agreement = auditor.as(TestUsers.AUDITOR).get("/api/agreements/" + ImportIT.idOf(reference));
        assertThat(agreement.status()).as("acknowledged " + reference + ": " + agreement).isEqualTo(200);
      }
      for (String reference : refused) {
        Response agreement = auditor.as(TestUsers.AUDITOR).get("/api/agreements/" + ImportIT.idOf(reference));
        assertThat(agreement.status()).as("refused " + reference + ": " + agreement).isEqualTo(404);
      }
      assertCleanStop(restarted.stop());
    }
  }

  /**
   * Single imports, each with its own reference (so its id is known whatever the answer): a 2xx
   * is acknowledged, any other status or a refused connection is refused; a connection lost
   * after the request went out is neither (its outcome is unknown to the client).
   */
  private static void importUntilGone(RegistryClient client, Queue<String> acknowledged, Queue<String> refused, Queue<String> unknown,
      AtomicBoolean stopped) {
    while (!stopped.get()) {
      String reference = "BURST-" + UUID.randomUUID();
      try {
        Response response = client.as(TestUsers.IGP).post("/api/agreements/import", ImportIT.executed(reference));
        (response.status() / 100 == 2 ? acknowledged : refused).add(reference);
      } catch (IllegalStateException e) {
        // The connection is refused or lost: the registry is going, and this client with it.
        (e.getCause() instanceof ConnectException ? refused : unknown).add(reference);
        return;
      }
    }
  }

  /**
   * No ERROR and no stack trace from the signal on, busy or idle; the web server drained before the
   * stores closed: the embedded read store, then the ledger's pool (which closes the H2 database).
   */
  private static void assertCleanStop(String stopLog) {
    assertThat(stopLog).as(stopLog).doesNotContain("ERROR").doesNotContainPattern("(?m)^\\s+at ");
    int drained = stopLog.indexOf("Graceful shutdown complete");
    int readStoreClosed = stopLog.indexOf("Embedded read store closed");
    int ledgerClosed = stopLog.indexOf("ledger - Shutdown completed");
    assertThat(drained).as(stopLog).isNotNegative();
    assertThat(readStoreClosed).as(stopLog).isGreaterThan(drained);
    assertThat(ledgerClosed).as(stopLog).isGreaterThan(drained);
  }

  private static String basic(String username) {
    return "Basic " + Base64.getEncoder().encodeToString((username + ":" + TestUsers.passwordOf(username)).getBytes(StandardCharsets.UTF_8));
  }
}
