package gov.ice.registry.web.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.RegistryApplication;
import gov.ice.registry.integrity.log.ChainedLog;
import gov.ice.registry.integrity.log.ChainedLogs;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TemporaryDirectories;
import gov.ice.registry.support.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sharing gate through real HTTP on the embedded default: AuthZEN shapes, the role matrix,
 * every decision logged once and verifiable, an edited decision named, replays identical, and
 * fail-closed while the gate's index is behind the ledger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SharingGateIT {

  static final Path DATA_DIR = TemporaryDirectories.create("registry-gate-it-");

  @DynamicPropertySource
  static void embeddedDefault(DynamicPropertyRegistry registry) {
    RegistryApplication.disableAxonUpdateChecker();
    registry.add("registry.data-dir", DATA_DIR::toString);
    registry.add("registry.ledger.url", () -> "");
    registry.add("registry.security.users-file", () -> TestUsers.usersFile().toString());
  }

  @LocalServerPort
  int port;

  @Autowired
  DataSource dataSource;

  @Autowired
  GateIndex index;

  @Autowired
  ChainedLogs logs;

  @Autowired
  SharingDecisionEndpoints decisionEndpoints;

  RegistryClient registry;
  String ori;
  String agreementId;

  @BeforeEach
  void importAGateReadyAgreement() {
    registry = new RegistryClient(port);
    ori = "TX" + UUID.randomUUID().toString().substring(0, 7).toUpperCase();
    ObjectNode body = AgreementBodies.executed("GATE-" + ori);
    ((ObjectNode) body.get("parties").get(0)).putObject("identifier").put("scheme", "ORI").put("value", ori);
    ObjectNode terms = (ObjectNode) body.get("terms");
    terms.putArray("channels").add("LEIS_SERVICE").add("EXTRACT");
    terms.putArray("permittedPurposes").add("CRIMINAL_INVESTIGATION");
    Response imported = registry.as(TestUsers.IGP).post("/api/agreements/import", body);
    assertThat(imported.status()).as(imported.toString()).isIn(200, 201);
    agreementId = imported.id();
    await().atMost(Duration.ofSeconds(30)).until(() -> index.caughtUp());
  }

  ObjectNode evaluation(String subjectId, String channel, String purpose) {
    ObjectNode e = RegistryClient.JSON.createObjectNode();
    e.putObject("subject").put("type", "party").put("id", subjectId);
    e.putObject("action").put("name", "share").putObject("properties").put("channel", channel);
    ObjectNode resource = e.putObject("resource").put("type", "ice_information").put("id", "LAW_ENFORCEMENT");
    resource.putObject("properties").put("pii", true).put("marking", "CUI").put("systemOfRecords", "ICE-011 CARIER")
        .put("purpose", purpose);
    return e;
  }

  ObjectNode permitted() {
    return evaluation("ORI:" + ori, "LEIS_SERVICE", "CRIMINAL_INVESTIGATION");
  }

  long logged() {
    return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM chained_log_entry WHERE log_name = 'decisions'", Long.class);
  }

  @Test
  void permitsWithTheAuthZenShapeAndCitesItsAgreementAndTerms() {
    Response answer = registry.as(TestUsers.GATE_CLIENT).post("/api/access/v1/evaluation", permitted());

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode json = answer.json();
    assertThat(json.path("decision").asBoolean()).isTrue();
    JsonNode context = json.path("context");
    assertThat(context.path("decision_id").asText()).isNotBlank();
    assertThat(context.path("policy").path("hash").asText()).hasSize(64);
    assertThat(context.path("ledger").path("eventsRead").asLong()).isPositive();
    assertThat(context.path("basis").get(0).path("status").asText()).isEqualTo("ACTIVE");
    assertThat(context.path("reasons").get(0).path("id").asText()).isEqualTo("PERMITTED");
    assertThat(context.path("obligations").findValuesAsText("id"))
        .contains("APPLY_MARKING", "NO_ONWARD_SHARING_WITHOUT_CONSENT", "RETENTION_LIMIT", "ACCOUNT_FOR_DISCLOSURE");
    assertThat(context.path("obligations").get(0).path("term").asText()).startsWith("terms.");
  }

  @Test
  void deniesWithA200AndTheReasonsId() {
    Response answer = registry.as(TestUsers.GATE_CLIENT).post("/api/access/v1/evaluation",
        evaluation("ORI:" + ori, "SYSTEM_ACCESS", "CRIMINAL_INVESTIGATION"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("decision").asBoolean()).isFalse();
    assertThat(answer.json().path("context").path("reasons").get(0).path("id").asText()).isEqualTo("CHANNEL_NOT_COVERED");
  }

  @Test
  void refusesAMalformedQuestionWithAProblemAndLogsNothing() {
    long before = logged();
    ObjectNode bad = permitted();
    ((ObjectNode) bad.get("action")).put("name", "delete");

    Response answer = registry.as(TestUsers.GATE_CLIENT).post("/api/access/v1/evaluation", bad);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(logged()).isEqualTo(before);
  }

  @Test
  void evaluatesABatchWithEachOfTheThreeSemantics() {
    ObjectNode batch = RegistryClient.JSON.createObjectNode();
    batch.set("subject", permitted().get("subject"));
    ArrayNode evaluations = batch.putArray("evaluations");
    evaluations.add(permitted());
    evaluations.add(evaluation("ORI:" + ori, "SYSTEM_ACCESS", "CRIMINAL_INVESTIGATION"));
    evaluations.add(permitted());

    JsonNode all = registry.as(TestUsers.GATE_CLIENT).post("/api/access/v1/evaluations", batch).json();
    batch.putObject("options").put("evaluations_semantic", "deny_on_first_deny");
    JsonNode firstDeny = registry.as(TestUsers.GATE_CLIENT).post("/api/access/v1/evaluations", batch).json();
    batch.putObject("options").put("evaluations_semantic", "permit_on_first_permit");
    JsonNode firstPermit = registry.as(TestUsers.GATE_CLIENT).post("/api/access/v1/evaluations", batch).json();

    assertThat(all.path("evaluations").findValuesAsText("decision")).containsExactly("true", "false", "true");
    assertThat(firstDeny.path("evaluations").findValuesAsText("decision")).containsExactly("true", "false");
    assertThat(firstPermit.path("evaluations").findValuesAsText("decision")).containsExactly("true");
  }

  @Test
  void publishesTheDiscoveryDocumentOpenly() {
    Response config = registry.anonymous().get("/.well-known/authzen-configuration");

    assertThat(config.status()).as(config.toString()).isEqualTo(200);
    assertThat(config.json().path("policy_decision_point").asText()).startsWith("http");
    assertThat(config.json().path("access_evaluation_endpoint").asText()).endsWith("/api/access/v1/evaluation");
    assertThat(config.json().path("access_evaluations_endpoint").asText()).endsWith("/api/access/v1/evaluations");
  }

  @Test
  void letsTheGateRolesAskAndAuditorsReadTheLog() {
    for (String allowed : new String[] {TestUsers.GATE_CLIENT, TestUsers.PROGRAM_OFFICE, TestUsers.IGP, TestUsers.AUDITOR}) {
      assertThat(registry.as(allowed).post("/api/access/v1/evaluation", permitted()).status()).as(allowed).isEqualTo(200);
    }
    for (String refused : new String[] {TestUsers.DIRECTOR, TestUsers.ADMIN, "sam-igp"}) {
      assertThat(registry.as(refused).post("/api/access/v1/evaluation", permitted()).status()).as(refused).isEqualTo(403);
    }
    assertThat(registry.anonymous().post("/api/access/v1/evaluation", permitted()).status()).isEqualTo(401);
    assertThat(registry.as(TestUsers.AUDITOR).get("/api/sharing-decisions").status()).isEqualTo(200);
    assertThat(registry.as(TestUsers.IGP).get("/api/sharing-decisions").status()).isEqualTo(200);
    assertThat(registry.as(TestUsers.GATE_CLIENT).get("/api/sharing-decisions").status()).isEqualTo(403);
    assertThat(registry.as(TestUsers.PROGRAM_OFFICE).get("/api/sharing-decisions").status()).isEqualTo(403);
  }

  @Test
  void logsEveryDecisionOnceWithItsProofAndNamesAnEditedOne() {
    long before = logged();
    String id = registry.as(TestUsers.GATE_CLIENT).post("/api/access/v1/evaluation", permitted()).json()
        .path("context").path("decision_id").asText();
    registry.as(TestUsers.GATE_CLIENT).post("/api/access/v1/evaluation", evaluation("ORI:NOBODY", "LEIS_SERVICE", "X_Y"));
    assertThat(logged()).isEqualTo(before + 2);

    Response one = registry.as(TestUsers.AUDITOR).get("/api/sharing-decisions/" + id);
    assertThat(one.status()).as(one.toString()).isEqualTo(200);
    assertThat(one.json().path("decision").path("caller").asText()).isEqualTo(TestUsers.GATE_CLIENT);
    assertThat(one.json().path("decision").path("entry").path("request").path("subject").path("id").asText()).isEqualTo("ORI:" + ori);
    assertThat(one.json().path("inclusionProof").path("root").asText()).hasSize(64);
    Response listed = registry.as(TestUsers.AUDITOR).get("/api/sharing-decisions?partner=ORI:" + ori + "&outcome=PERMIT");
    assertThat(listed.json().path("items").findValuesAsText("decisionId")).contains(id);
    assertThat(registry.as(TestUsers.AUDITOR).get("/api/ledger/verify?log=decisions").json().path("verified").asBoolean()).isTrue();

    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Map<String, Object> row = jdbc.queryForMap("SELECT sequence_number, body FROM chained_log_entry WHERE entry_id = ?", id);
    String original = String.valueOf(row.get("BODY"));
    jdbc.update("UPDATE chained_log_entry SET body = ? WHERE entry_id = ?", original.replace("\"decision\":true", "\"decision\":false"), id);
    try {
      JsonNode broken = registry.as(TestUsers.AUDITOR).get("/api/ledger/verify?log=decisions").json();
      assertThat(broken.path("verified").asBoolean()).isFalse();
      assertThat(broken.path("broken").path("entryId").asText()).isEqualTo(id);
      assertThat(broken.path("broken").path("sequence").asLong()).isEqualTo(((Number) row.get("SEQUENCE_NUMBER")).longValue());
      assertThat(broken.path("broken").path("finding").asText()).isEqualTo("EDITED");
    } finally {
      jdbc.update("UPDATE chained_log_entry SET body = ? WHERE entry_id = ?", original, id);
    }
  }

  @Test
  void aTerminationRecordedLaterChangesOnlyAnswersKnownAfterIt() {
    ObjectNode later = permitted();
    String time = AgreementBodies.today().plusDays(40) + "T15:00:00Z";
    Instant beforeTermination = Instant.now();
    Response terminated = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements/" + agreementId + "/termination",
        AgreementBodies.termination());
    assertThat(terminated.status()).as(terminated.toString()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> index.caughtUp());

    later.putObject("context").put("time", time).put("knownAt", beforeTermination.toString());
    JsonNode knownBefore = registry.as(TestUsers.GATE_CLIENT).post("/api/access/v1/evaluation", later).json();
    later.putObject("context").put("time", time);
    JsonNode knownNow = registry.as(TestUsers.GATE_CLIENT).post("/api/access/v1/evaluation", later).json();

    assertThat(knownBefore.path("decision").asBoolean()).as(knownBefore.toString()).isTrue();
    assertThat(knownNow.path("decision").asBoolean()).isFalse();
    assertThat(knownNow.path("context").path("reasons").get(0).path("id").asText()).isEqualTo("AGREEMENT_TERMINATED");
  }

  @Test
  void showsWhatTheGateDerivesFromAnAgreement() {
    Response view = registry.as(TestUsers.PROGRAM_OFFICE).get("/api/agreements/" + agreementId + "/gate-view");

    assertThat(view.status()).as(view.toString()).isEqualTo(200);
    assertThat(view.json().path("parties").get(0).path("identifier").path("value").asText()).isEqualTo(ori);
    assertThat(view.json().path("channels").findValuesAsText("")).isEmpty();
    assertThat(view.json().path("channels").toString()).contains("LEIS_SERVICE", "EXTRACT");
    assertThat(view.json().path("permittedPurposes").toString()).contains("CRIMINAL_INVESTIGATION");
    assertThat(view.json().path("obligations").findValuesAsText("id")).contains("APPLY_MARKING", "RETENTION_LIMIT");
    assertThat(registry.as(TestUsers.PROGRAM_OFFICE).get("/api/agreements/no-such-agreement/gate-view").status()).isEqualTo(404);
    assertThat(registry.as(TestUsers.DIRECTOR).get("/api/agreements/" + agreementId + "/gate-view").status()).isEqualTo(403);
  }

  @Test
  void theAgreementPageShowsWhatTheGateReads() throws Exception {
    var page = gov.ice.registry.support.PageSession.signIn(port, TestUsers.AUDITOR).get("/agreements/" + agreementId);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("What the sharing gate reads", "identifier ORI:" + ori, "LEIS_SERVICE, EXTRACT",
        "CRIMINAL_INVESTIGATION", "/api/agreements/" + agreementId + "/gate-view");
  }

  @Test
  void theAmendmentFormCarriesTheGatesFieldsSoAnAmendmentKeepsThem() throws Exception {
    var page = gov.ice.registry.support.PageSession.signIn(port, TestUsers.PROGRAM_OFFICE).get("/agreements/" + agreementId);

    assertThat(page.statusCode()).isEqualTo(200);
    String form = page.body().substring(page.body().indexOf("id=\"amend-form\""));
    assertThat(form).containsPattern("id=\"am-channel-LEIS_SERVICE\"[^>]*checked")
        .containsPattern("id=\"am-channel-EXTRACT\"[^>]*checked")
        .doesNotContainPattern("id=\"am-channel-BULK_TRANSFER\"[^>]*checked")
        .containsPattern("id=\"am-permittedPurposes\"[^>]*value=\"CRIMINAL_INVESTIGATION\"");
  }

  @Test
  void theGatePageAsksAndShowsTheAnswerWithItsCitations() throws Exception {
    var page = gov.ice.registry.support.PageSession.signIn(port, TestUsers.IGP);
    var form = page.get("/gate");
    assertThat(form.statusCode()).isEqualTo(200);
    String token = gov.ice.registry.support.PageSession.csrf(form.body());

    var answer = page.post("/gate", "_csrf=" + gov.ice.registry.support.PageSession.enc(token) + "&subjectId=ORI%3A" + ori
        + "&action=share&channel=LEIS_SERVICE&category=LAW_ENFORCEMENT&marking=CUI&pii=true&purpose=CRIMINAL_INVESTIGATION"
        + "&systemOfRecords=ICE-011");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("Permitted", "PERMITTED", "APPLY_MARKING", "terms.retention", "/agreements/" + agreementId);
    var directorPage = gov.ice.registry.support.PageSession.signIn(port, TestUsers.DIRECTOR).get("/gate");
    assertThat(directorPage.statusCode()).isEqualTo(403);
  }

  @Test
  void failsClosedWhileItsIndexIsBehindTheLedger() {
    index.pause(true);
    try {
      Response drafted = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
      assertThat(drafted.status()).isEqualTo(201);
      long before = logged();

      Response answer = registry.as(TestUsers.GATE_CLIENT).post("/api/access/v1/evaluation", permitted());

      assertThat(answer.status()).isEqualTo(503);
      assertThat(answer.header("Retry-After")).isPresent();
      assertThat(logged()).as("no decision, nothing logged").isEqualTo(before);
    } finally {
      index.pause(false);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> registry.as(TestUsers.GATE_CLIENT)
        .post("/api/access/v1/evaluation", permitted()).status() == 200);
  }

  @Test
  void replaysAThousandLoggedDecisionsWithIdenticalAnswers() {
    ObjectNode batch = RegistryClient.JSON.createObjectNode();
    ArrayNode evaluations = batch.putArray("evaluations");
    String[] channels = {"LEIS_SERVICE", "SYSTEM_ACCESS", "EXTRACT", "BULK_TRANSFER"};
    for (int i = 0; i < 100; i++) {
      evaluations.add(evaluation(i % 7 == 0 ? "ORI:NOBODY" : "ORI:" + ori, channels[i % 4], i % 3 == 0 ? "REMOVAL" : "CRIMINAL_INVESTIGATION"));
    }
    ChainedLog decisions = logs.register("decisions");
    long from = decisions.size();
    for (int round = 0; round < 10; round++) {
      Response answered = registry.as(TestUsers.GATE_CLIENT).timeout(Duration.ofSeconds(120)).post("/api/access/v1/evaluations", batch);
      assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    }
    assertThat(decisions.size() - from).isEqualTo(1000);

    int same = 0;
    for (long sequence = from; sequence < from + 1000; sequence++) {
      Map<String, Object> replay = decisionEndpoints.replayOf(decisions.at(sequence).orElseThrow(), "recorded");
      assertThat(replay.get("differences")).as("decision %s", sequence).isEqualTo(java.util.List.of());
      same += Boolean.TRUE.equals(replay.get("same")) ? 1 : 0;
    }
    assertThat(same).isEqualTo(1000);
    Response overHttp = registry.as(TestUsers.AUDITOR).post("/api/sharing-decisions/" + decisions.at(from).orElseThrow().entryId()
        + "/replay", null);
    assertThat(overHttp.status()).as(overHttp.toString()).isEqualTo(200);
    assertThat(overHttp.json().path("same").asBoolean()).isTrue();
  }
}
