package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 in the middle of a burst of commands: every command the registry acknowledged must be
 * in the ledger after a restart on the same store. Runs the packaged jar as its own process.
 */
abstract class CrashScenario {

  static final int CLIENTS = 4;
  static final int ACKNOWLEDGED_BEFORE_KILL = 60;

  @TempDir
  Path logs;

  /** The environment that points the registry at its store; the same for both runs. */
  abstract Map<String, String> store();

  @Test
  void keepsEveryAcknowledgedCommandThroughASigkill() throws Exception {
    Map<String, String> store = store();
    Queue<String> acknowledgedDrafts = new ConcurrentLinkedQueue<>();
    AtomicLong acknowledgedRevisionVersion = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    String revised;
    List<Thread> clients = new ArrayList<>();
    try (RegistryProcess registry = RegistryProcess.start(store, logs.resolve("first.log"))) {
      RegistryClient client = registry.client();
      Response first = client.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
      assertThat(first.status()).as(first.toString()).isEqualTo(201);
      revised = first.id();
      clients.add(started(() -> reviseUntilStopped(client, revised, acknowledgedRevisionVersion, stop)));
      for (int i = 1; i < CLIENTS; i++) {
        clients.add(started(() -> draftUntilStopped(client, acknowledgedDrafts, stop)));
      }
      await("a burst of acknowledged commands").atMost(Duration.ofSeconds(60))
          .until(() -> acknowledgedDrafts.size() + acknowledgedRevisionVersion.get() >= ACKNOWLEDGED_BEFORE_KILL);
      registry.kill();
      stop.set(true);
      for (Thread thread : clients) {
        thread.join(Duration.ofSeconds(60).toMillis());
      }
    }
    assertThat(acknowledgedDrafts).isNotEmpty();

    try (RegistryProcess restarted = RegistryProcess.start(store, logs.resolve("second.log"))) {
      RegistryClient auditor = restarted.client();
      for (String id : acknowledgedDrafts) {
        Response history = auditor.as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history");
        assertThat(history.status()).as("acknowledged draft " + id + ": " + history).isEqualTo(200);
        assertThat(history.json().get(0).path("type").asText()).isEqualTo("AgreementDrafted");
      }
      Response revisions = auditor.as(TestUsers.AUDITOR).get("/api/agreements/" + revised + "/history");
      assertThat((long) revisions.json().size())
          .as("every acknowledged revision of " + revised + " is in the ledger")
          .isGreaterThanOrEqualTo(acknowledgedRevisionVersion.get());
    }
  }

  private static Thread started(Runnable client) {
    Thread thread = new Thread(client, "crash-client");
    thread.start();
    return thread;
  }

  private static void draftUntilStopped(RegistryClient client, Queue<String> acknowledged, AtomicBoolean stop) {
    ObjectNode draft = AgreementBodies.draft();
    while (!stop.get()) {
      try {
        Response response = client.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", draft);
        if (response.status() == 201) {
          acknowledged.add(response.id());
        }
      } catch (IllegalStateException connectionLost) {
        return;
      }
    }
  }

  private static void reviseUntilStopped(RegistryClient client, String id, AtomicLong acknowledgedVersion, AtomicBoolean stop) {
    ObjectNode draft = AgreementBodies.draft();
    while (!stop.get()) {
      try {
        Response response = client.as(TestUsers.PROGRAM_OFFICE).put("/api/agreements/" + id + "/draft", draft);
        if (response.status() == 200) {
          acknowledgedVersion.accumulateAndGet(response.json().path("version").asLong(), Math::max);
        }
      } catch (IllegalStateException connectionLost) {
        return;
      }
    }
  }
}
