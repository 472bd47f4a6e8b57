package gov.ice.registry.web.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.RegistryApplication;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TemporaryDirectories;
import gov.ice.registry.support.TestPostgres;
import gov.ice.registry.support.TestUsers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sharing gate with its ledger and decision log on a real PostgreSQL server of its own: the
 * main scenarios (permit with obligations, the deny reasons, a batch, the bitemporal termination,
 * every decision logged once and verifiable, a replay, eight callers at once through the group
 * commit), then failing closed: with the database stopped, and with a log that refuses the
 * decision's entry, the gate answers 503 and never a decision; it recovers when the store does.
 */
class SharingGatePostgresIT {

  private static final String ORI = "TXPG00001";
  private static final String EVALUATION = "/api/access/v1/evaluation";

  @Test
  void decidesOnPostgresAndFailsClosedWhenTheStoreIsDownOrRefusesTheLog() throws Exception {
    Assumptions.assumeTrue(TestPostgres.privateServersAvailable(), "needs PostgreSQL binaries to stop and restart a server");
    TestPostgres postgres = TestPostgres.startPrivate();
    String url = postgres.newDatabase("registry_gate");
    try (ConfigurableApplicationContext context = TestPostgres.startRegistry(url)) {
      RegistryClient registry = new RegistryClient(TestPostgres.port(context));
      String agreementId = importGateReady(registry);
      await("the gate's index to read the ledger").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> gate(registry, permitted()).status() == 200);

      // The main scenarios, on PostgreSQL.
      JsonNode permit = gate(registry, permitted()).json();
      assertThat(permit.path("decision").asBoolean()).as(permit.toString()).isTrue();
      assertThat(permit.path("context").path("reasons").get(0).path("id").asText()).isEqualTo("PERMITTED");
      assertThat(permit.path("context").path("obligations").findValuesAsText("id"))
          .contains("APPLY_MARKING", "NO_ONWARD_SHARING_WITHOUT_CONSENT", "ACCOUNT_FOR_DISCLOSURE");
      assertThat(firstReason(gate(registry, evaluation("ORI:" + ORI, "SYSTEM_ACCESS")).json())).isEqualTo("CHANNEL_NOT_COVERED");
      assertThat(firstReason(gate(registry, evaluation("ORI:NOBODY", "LEIS_SERVICE")).json())).isEqualTo("NO_COVERING_AGREEMENT");
      ObjectNode batch = RegistryClient.JSON.createObjectNode();
      ArrayNode evaluations = batch.putArray("evaluations");
      evaluations.add(permitted()).add(evaluation("ORI:" + ORI, "SYSTEM_ACCESS")).add(permitted());
      batch.putObject("options").put("evaluations_semantic", "deny_on_first_deny");
      JsonNode firstDeny = registry.as(TestUsers.GATE_CLIENT).post("/api/access/v1/evaluations", batch).json();
      assertThat(firstDeny.path("evaluations").findValuesAsText("decision")).containsExactly("true", "false");

      String time = AgreementBodies.today().plusDays(40) + "T15:00:00Z";
      Instant beforeTermination = Instant.now();
      Response terminated = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements/" + agreementId + "/termination",
          AgreementBodies.termination());
      assertThat(terminated.status()).as(terminated.toString()).isEqualTo(200);
      ObjectNode knownBefore = permitted();
      knownBefore.putObject("context").put("time", time).put("knownAt", beforeTermination.toString());
      ObjectNode knownNow = permitted();
      knownNow.putObject("context").put("time", time);
      await("the gate to read the termination").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .until(() -> "AGREEMENT_TERMINATED".equals(firstReason(gate(registry, knownNow).json())));
      assertThat(gate(registry, knownBefore).json().path("decision").asBoolean()).isTrue();

      // Eight callers at once: every answer is a 200, every one logged once, the chain verifies.
      long before = logged(url);
      int callers = 8;
      int each = 10;
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      List<Future<List<String>>> answers = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        answers.add(pool.submit(() -> {
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            Response answer = gate(registry, permitted());
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            ids.add(answer.json().path("context").path("decision_id").asText());
          }
          return ids;
        }));
      }
      List<String> ids = new ArrayList<>();
      for (Future<List<String>> f : answers) {
        ids.addAll(f.get(180, TimeUnit.SECONDS));
      }
      pool.shutdown();
      assertThat(ids).doesNotHaveDuplicates().hasSize(callers * each);
      assertThat(logged(url) - before).isEqualTo(callers * each);
      for (String id : List.of(ids.get(0), ids.get(ids.size() - 1))) {
        assertThat(countWhere(url, "entry_id = '" + id + "'")).as(id).isEqualTo(1);
      }
      JsonNode verified = registry.as(TestUsers.AUDITOR).get("/api/ledger/verify?log=decisions").json();
      assertThat(verified.path("verified").asBoolean()).as(verified.toString()).isTrue();
      assertThat(verified.path("entriesChecked").asLong()).isEqualTo(logged(url));
      Response replay = registry.as(TestUsers.AUDITOR).post("/api/sharing-decisions/" + ids.get(0) + "/replay", null);
      assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
      assertThat(replay.json().path("same").asBoolean()).as(replay.toString()).isTrue();

      // The log refuses the decision's entry: the gate decided, but gives no decision it did not log.
      execute(url, "ALTER TABLE chained_log_entry ADD CONSTRAINT refuse_every_entry CHECK (false) NOT VALID");
      long beforeRefusal = logged(url);
      Response unlogged = gate(registry, permitted());
      assertThat(unlogged.status()).as(unlogged.toString()).isEqualTo(503);
      assertThat(unlogged.header("Retry-After")).isPresent();
      assertThat(unlogged.contentType()).startsWith("application/problem+json");
      assertThat(unlogged.json().path("type").asText()).endsWith("/decision-not-logged");
      assertThat(unlogged.json().has("decision")).isFalse();
      assertThat(logged(url)).isEqualTo(beforeRefusal);
      execute(url, "ALTER TABLE chained_log_entry DROP CONSTRAINT refuse_every_entry");
      assertThat(gate(registry, permitted()).json().path("decision").asBoolean()).isTrue();

      // The database is down: 503 with Retry-After, for one evaluation and for a batch; never a decision.
      postgres.stop();
      for (int attempt = 0; attempt < 3; attempt++) {
        Response down = gate(registry, permitted());
        assertThat(down.status()).as(down.toString()).isEqualTo(503);
        assertThat(down.header("Retry-After")).isPresent();
        assertThat(down.text()).doesNotContain("\"decision\"");
      }
      Response batchDown = registry.as(TestUsers.GATE_CLIENT).timeout(Duration.ofSeconds(60)).post("/api/access/v1/evaluations", batch);
      assertThat(batchDown.status()).as(batchDown.toString()).isEqualTo(503);
      assertThat(batchDown.text()).doesNotContain("\"decision\"");

      postgres.restart();
      await("the gate to recover with the store").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
          .ignoreExceptions().until(() -> registry.as(TestUsers.GATE_CLIENT).timeout(Duration.ofSeconds(10))
              .post(EVALUATION, permitted()).status() == 200);
      assertThat(gate(registry, permitted()).json().path("decision").asBoolean()).isTrue();
      assertThat(registry.as(TestUsers.AUDITOR).get("/api/ledger/verify?log=decisions").json().path("verified").asBoolean()).isTrue();
    } finally {
      stopQuietly(postgres);
    }
  }

  private static String importGateReady(RegistryClient registry) {
    ObjectNode body = AgreementBodies.executed("GATE-PG-" + ORI);
    ((ObjectNode) body.get("parties").get(0)).putObject("identifier").put("scheme", "ORI").put("value", ORI);
    ObjectNode terms = (ObjectNode) body.get("terms");
    terms.putArray("channels").add("LEIS_SERVICE");
    terms.putArray("permittedPurposes").add("CRIMINAL_INVESTIGATION");
    Response imported = registry.as(TestUsers.IGP).post("/api/agreements/import", body);
    assertThat(imported.status()).as(imported.toString()).isIn(200, 201);
    return imported.id();
  }

  private static Response gate(RegistryClient registry, ObjectNode evaluation) {
    return registry.as(TestUsers.GATE_CLIENT).timeout(Duration.ofSeconds(60)).post(EVALUATION, evaluation);
  }

  private static String firstReason(JsonNode answer) {
    return answer.path("context").path("reasons").path(0).path("id").asText();
  }

  private static ObjectNode permitted() {
    return evaluation("ORI:" + ORI, "LEIS_SERVICE");
  }

  private static ObjectNode evaluation(String subjectId, String channel) {
    ObjectNode e = RegistryClient.JSON.createObjectNode();
    e.putObject("subject").put("type", "party").put("id", subjectId);
    e.putObject("action").put("name", "share").putObject("properties").put("channel", channel);
    e.putObject("resource").put("type", "ice_information").put("id", "LAW_ENFORCEMENT").putObject("properties")
        .put("pii", true).put("marking", "CUI").put("systemOfRecords", "ICE-011 CARIER").put("purpose", "CRIMINAL_INVESTIGATION");
    return e;
  }

  private static long logged(String url) throws SQLException {
    return countWhere(url, "TRUE");
  }

  private static long countWhere(String url, String condition) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM chained_log_entry WHERE log_name = 'decisions' AND " + condition)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
      s.execute(sql);
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
