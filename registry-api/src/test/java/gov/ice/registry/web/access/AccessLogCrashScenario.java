package gov.ice.registry.web.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.RegistryProcess;
import gov.ice.registry.support.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 during a burst of reads: every read whose answer a client received has its access-log
 * record after a restart on the same store, because the answer waits for its record's commit.
 * Runs the packaged jar as its own process, as the ledger's crash test does; on H2
 * ({@code AccessLogCrashIT}) and PostgreSQL ({@code PostgresAccessLogCrashIT}).
 */
public abstract class AccessLogCrashScenario {

  private static final int CLIENTS = 8;
  private static final int READS_BEFORE_KILL = 1_000;

  @TempDir
  Path logs;

  /** The environment that points the registry at its store; the same for both runs. */
  protected abstract Map<String, String> store();

  @Test
  void everyReadAClientReceivedIsInTheAccessLogAfterASigkill() throws Exception {
    Map<String, String> store = store();
    Queue<String> received = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    String id;
    List<Thread> clients = new ArrayList<>();
    try (RegistryProcess registry = RegistryProcess.start(store, logs.resolve("first.log"))) {
      RegistryClient client = registry.client();
      Response drafted = client.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
      assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
      id = drafted.id();
      for (int i = 0; i < CLIENTS; i++) {
        Thread thread = new Thread(() -> readUntilStopped(client, id, received, stop), "crash-reader");
        thread.start();
        clients.add(thread);
      }
      await("a burst of answered reads").atMost(Duration.ofSeconds(120)).until(() -> received.size() >= READS_BEFORE_KILL);
      registry.kill();
      stop.set(true);
      for (Thread thread : clients) {
        thread.join(Duration.ofSeconds(60).toMillis());
      }
    }
    assertThat(received.size()).isGreaterThanOrEqualTo(READS_BEFORE_KILL);

    try (RegistryProcess restarted = RegistryProcess.start(store, logs.resolve("second.log"))) {
      RegistryClient auditor = restarted.client();
      Set<String> logged = new HashSet<>();
      for (int page = 0; ; page++) {
        Response records = auditor.as(TestUsers.AUDITOR).get("/api/audit/access?agreementId=" + id + "&action=VIEW&size=500&page=" + page);
        assertThat(records.status()).as(records.toString()).isEqualTo(200);
        for (JsonNode r : records.json().path("items")) {
          logged.add(r.path("detail").path("requestId").asText());
        }
        if ((long) (page + 1) * 500 >= records.json().path("total").asLong()) {
          break;
        }
      }
      Set<String> missing = new HashSet<>(received);
      missing.removeAll(logged);
      assertThat(missing).as("reads answered before the kill without a record after it (of %d answered)", received.size()).isEmpty();
      Response verified = auditor.as(TestUsers.AUDITOR).get("/api/ledger/verify?log=access");
      assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
      assertThat(verified.text()).as("the access log's chain after the crash").contains("\"verified\":true");
    }
  }

  /** Reads the agreement until stopped, keeping the request id of every answer received in full. */
  private static void readUntilStopped(RegistryClient client, String id, Queue<String> received, AtomicBoolean stop) {
    while (!stop.get()) {
      try {
        Response answer = client.as(TestUsers.IGP).get("/api/agreements/" + id);
        if (answer.status() == 200) {
          received.add(answer.header("X-Request-Id").orElseThrow());
        }
      } catch (IllegalStateException connectionLost) {
        return;
      }
    }
  }
}
