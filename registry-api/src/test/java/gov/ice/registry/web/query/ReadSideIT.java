package gov.ice.registry.web.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import gov.ice.registry.H2Registry;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read side through real HTTP, security and the real Axon stack on the embedded default: the
 * read models follow the commands, the queries answer per API.md, a rebuild reproduces them.
 */
class ReadSideIT extends H2Registry {

  RegistryClient registry;
  String marker;

  @BeforeEach
  void client() {
    registry = registry();
    marker = UUID.randomUUID().toString().substring(0, 8);
  }

  /** Polls a query, with a bound, until its answer satisfies {@code until}: the read models follow the ledger. */
  private Response eventually(String user, String path, Predicate<Response> until) {
    Response[] last = new Response[1];
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
      last[0] = registry.as(user).get(path);
      return until.test(last[0]);
    });
    return last[0];
  }

  private String importActive(String title, String party) {
    Response imported = registry.as(TestUsers.IGP).post("/api/agreements/import",
        ReadSideBodies.executed(title, party, AgreementBodies.today().minusMonths(3)));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    return imported.id();
  }

  private static List<String> ids(Response page) {
    List<String> ids = new ArrayList<>();
    page.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  @Test
  void searchFindsAnImportedAgreementByEachFilterAndByText() {
    String id = importActive("Border data " + marker, "Agency " + marker);
    Response found = eventually(TestUsers.AUDITOR, "/api/agreements?q=" + marker, r -> r.json().path("total").asLong() == 1);
    JsonNode item = found.json().path("items").get(0);
    assertThat(item.path("id").asText()).isEqualTo(id);
    assertThat(item.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(item.path("nextReviewDue").asText()).isEqualTo(AgreementBodies.today().minusMonths(3).plusYears(2).toString());
    assertThat(found.json().path("page").asInt()).isZero();
    assertThat(found.json().path("size").asInt()).isEqualTo(20);
    assertThat(found.json().path("facets").path("status").path("ACTIVE").asLong()).isEqualTo(1);
    assertThat(found.json().path("facets").path("country").path("US").asLong()).isEqualTo(1);
    assertThat(found.json().path("facets").path("directorate").path("HSI").asLong()).isEqualTo(1);
    assertThat(found.json().path("facets").path("pii").path("true").asLong()).isEqualTo(1);
    assertThat(found.json().path("facets").path("pii").has("false")).isFalse();

    String q = "&q=agency+" + marker.toUpperCase();
    for (String filter : List.of("status=ACTIVE", "kind=MOU", "category=LAW_ENFORCEMENT", "partyKind=STATE", "country=us",
        "directorate=HSI", "pii=true", "status=ACTIVE,DRAFT&kind=MOU,MOA")) {
      assertThat(ids(registry.as(TestUsers.PROGRAM_OFFICE).get("/api/agreements?" + filter + q))).as(filter).containsExactly(id);
    }
    for (String filter : List.of("status=DRAFT", "kind=LOI", "category=BUSINESS_OPERATIONS", "partyKind=TRIBAL", "country=CA",
        "directorate=ERO", "pii=false")) {
      assertThat(ids(registry.as(TestUsers.PROGRAM_OFFICE).get("/api/agreements?" + filter + q))).as(filter).isEmpty();
    }
  }

  @Test
  void aNewDraftListsTheActiveAgreementsItOverlaps() {
    String party = "Overlap Agency " + marker;
    String existing = importActive("Existing " + marker, party);
    eventually(TestUsers.IGP, "/api/agreements?q=" + marker, r -> r.json().path("total").asLong() == 1);

    Response drafted = registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements",
        ReadSideBodies.draft("New " + marker, party.toUpperCase()));
    assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
    JsonNode overlapping = drafted.json().path("existingAgreements");
    assertThat(overlapping).hasSize(1);
    assertThat(overlapping.get(0).path("id").asText()).isEqualTo(existing);
    assertThat(overlapping.get(0).path("status").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void auditorsListApprovalsAsJsonAndCsv() {
    String id = importActive("Audited " + marker, "Audited Agency " + marker);
    Response approvals = eventually(TestUsers.AUDITOR, "/api/audit/approvals?actor=IVY&office=HSI_EAD",
        r -> r.json().path("items").findValuesAsText("agreementId").contains(id));
    JsonNode signature = null;
    for (JsonNode a : approvals.json().path("items")) {
      if (a.path("agreementId").asText().equals(id)) {
        signature = a;
      }
    }
    assertThat(signature.path("type").asText()).isEqualTo("SIGNATURE");
    assertThat(signature.path("actorUsername").asText()).isEqualTo("ivy");
    assertThat(signature.path("draftVersion").asInt()).isEqualTo(1);

    Response csv = registry.as(TestUsers.AUDITOR).get("/api/audit/approvals?format=csv&actor=ivy&from=" + AgreementBodies.today());
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.text()).startsWith("\uFEFFat,agreementId,").contains(id + ",Audited " + marker + ",SIGNATURE,IMPORTED,HSI_EAD");
  }

  @Test
  void eachQueryKeepsToItsRoles() {
    assertThat(registry.anonymous().get("/api/agreements").status()).isEqualTo(401);
    assertThat(registry.as(TestUsers.stakeholder(gov.ice.registry.agreement.api.StakeholderOffice.OPLA)).get("/api/agreements").status())
        .isEqualTo(200);
    assertThat(registry.as(TestUsers.PROGRAM_OFFICE).get("/api/reviews/overdue").status()).isEqualTo(403);
    assertThat(registry.as(TestUsers.IGP).get("/api/reviews/due?within=P30D").status()).isEqualTo(200);
    assertThat(registry.as(TestUsers.DIRECTOR).get("/api/deadlines/exigent").status()).isEqualTo(403);
    assertThat(registry.as(TestUsers.AUDITOR).get("/api/deadlines/exigent").status()).isEqualTo(200);
    assertThat(registry.as(TestUsers.ADMIN).get("/api/notices").status()).isEqualTo(200);
    assertThat(registry.as(TestUsers.PROGRAM_OFFICE).get("/api/notices").status()).isEqualTo(403);
    assertThat(registry.as(TestUsers.IGP).get("/api/audit/approvals").status()).isEqualTo(403);
    assertThat(registry.as(TestUsers.AUDITOR).post("/api/admin/notices/run", null).status()).isEqualTo(403);
    assertThat(registry.as(TestUsers.IGP).post("/api/admin/projections/audit/rebuild", null).status()).isEqualTo(403);
  }

  @Test
  void badParametersAnswerProblemDetailsWithEveryViolation() {
    Response bad = registry.as(TestUsers.AUDITOR).get("/api/agreements?status=ALIVE&pii=perhaps&sort=size");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.json().path("violations").findValuesAsText("field")).containsExactly("status", "pii", "sort");
    Response period = registry.as(TestUsers.AUDITOR).get("/api/reviews/due?within=ninety");
    assertThat(period.status()).isEqualTo(400);
    assertThat(period.json().path("violations").get(0).path("field").asText()).isEqualTo("within");
    Response date = registry.as(TestUsers.AUDITOR).get("/api/audit/approvals?from=yesterday");
    assertThat(date.status()).isEqualTo(400);
    assertThat(date.json().path("violations").get(0).path("field").asText()).isEqualTo("from");
    assertThat(registry.as(TestUsers.ADMIN).post("/api/admin/projections/nothing/rebuild", null).status()).isEqualTo(404);
  }

  @Test
  void rebuildingEveryReadModelThroughTheAdminEndpointReproducesIt() {
    importActive("Rebuilt " + marker, "Rebuilt Agency " + marker);
    registry.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", ReadSideBodies.draft("Rebuilt draft " + marker, "Rebuilt Agency " + marker));
    eventually(TestUsers.AUDITOR, "/api/agreements?q=rebuilt+" + marker, r -> r.json().path("total").asLong() == 2);
    awaitCaughtUp();
    List<String> queries = List.of("/api/agreements?size=200&sort=createdAt", "/api/audit/approvals", "/api/reviews/due?within=P1000D",
        "/api/reviews/overdue", "/api/deadlines/exigent", "/api/notices");
    List<JsonNode> before = queries.stream().map(q -> registry.as(TestUsers.AUDITOR).get(q).json()).toList();

    for (String name : gov.ice.registry.support.ReadModels.ALL) {
      Response accepted = registry.as(TestUsers.ADMIN).post("/api/admin/projections/" + name + "/rebuild", null);
      assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    }
    awaitCaughtUp();

    for (int i = 0; i < queries.size(); i++) {
      assertThat(registry.as(TestUsers.AUDITOR).get(queries.get(i)).json()).as(queries.get(i)).isEqualTo(before.get(i));
    }
  }

  @Test
  void prometheusShowsTheRegistryGaugesWithoutIds() {
    String id = importActive("Measured " + marker, "Measured Agency " + marker);
    Response metrics = eventually(TestUsers.AUDITOR, "/actuator/prometheus",
        r -> r.text().contains("registry_agreements{") && r.text().contains("status=\"ACTIVE\""));
    assertThat(metrics.text()).contains("registry_reviews_overdue", "registry_reviews_due_soon", "registry_exigent_deadlines_missed",
        "registry_notices_recorded", "registry_notices_webhook_failures_total", "http_server_requests",
        "registry_read_model_lag_events{", "registry_read_model_position{", "read_model=\"repository\"", "read_model=\"search\"");
    assertThat(metrics.text()).doesNotContain(id);
  }

  private void awaitCaughtUp() {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      JsonNode statuses = registry.as(TestUsers.ADMIN).get("/api/admin/projections").json();
      boolean all = statuses.size() == gov.ice.registry.support.ReadModels.ALL.size();
      for (JsonNode s : statuses) {
        // caughtUp means "reached the head as it was at start"; lag 0 means this test's own writes are in too.
        all &= s.path("running").asBoolean() && s.path("caughtUp").asBoolean() && s.path("lag").asLong(-1) == 0
            && s.path("error").isNull();
      }
      return all;
    });
  }
}
