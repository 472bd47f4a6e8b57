package gov.ice.registry.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.H2Registry;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every read leaves a record in the chained access log, readable by auditors, verified, and tampering is named. */
class AccessLogIT extends H2Registry {

  @Autowired
  DataSource dataSource;

  @Test
  void readsAndDenialsAreRecordedWithActorRequestAndAgreementAndReadingTheLogIsRecordedToo() {
    String word = "accesslog" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    ObjectNode draft = AgreementBodies.draft();
    draft.put("title", "Sharing " + word);
    draft.set("handling", HandlingIT.handling(List.of(), List.of("NOFORN"), List.of(), List.of()));
    Response created = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", draft);
    String id = created.id();

    assertThat(registry().as("fran-federal").get("/api/agreements/" + id).status()).isEqualTo(200);
    assertThat(registry().as("gwen-liaison").get("/api/agreements/" + id).status()).isEqualTo(404);
    assertThat(registry().as("fran-federal").get("/api/agreements/" + id + "/history").status()).isEqualTo(200);
    assertThat(registry().as("fran-federal")
        .get("/api/agreements?q=" + word + "&after=" + created.header("X-Registry-Position").orElseThrow()).status()).isEqualTo(200);

    Response log = registry().as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/access-log");
    assertThat(log.status()).as(log.toString()).isEqualTo(200);
    List<String> actions = new java.util.ArrayList<>();
    log.json().path("items").forEach(item -> actions.add(item.path("actor").asText() + ":" + item.path("action").asText()
        + ":" + item.path("outcome").asText()));
    assertThat(actions).contains("fran-federal:VIEW:ALLOWED", "gwen-liaison:DENIED:DENIED", "fran-federal:HISTORY:ALLOWED",
        "fran-federal:LIST:ALLOWED");
    JsonNode view = findAction(log.json(), "VIEW");
    assertThat(view.path("detail").path("requestId").asText()).isNotBlank();
    assertThat(view.path("detail").path("sourceAddress").asText()).isNotBlank();
    assertThat(view.path("detail").path("roles").toString()).contains("IGP");
    assertThat(view.path("detail").path("offices").toString()).contains("IGP");

    Response filtered = registry().as(TestUsers.AUDITOR).get("/api/audit/access?agreementId=" + id + "&action=DENIED");
    assertThat(filtered.json().path("total").asLong()).isEqualTo(1);
    Response csv = registry().as(TestUsers.AUDITOR).get("/api/audit/access?agreementId=" + id + "&format=csv");
    assertThat(csv.text()).startsWith("\uFEFFsequence,at,actor,").contains("gwen-liaison");

    Response reads = registry().as(TestUsers.AUDITOR).get("/api/audit/access?actor=" + TestUsers.AUDITOR + "&action=ACCESS_LOG_READ");
    assertThat(reads.json().path("total").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(registry().as(TestUsers.IGP).get("/api/audit/access").status()).as("not an auditor").isEqualTo(403);

    Response verified = registry().as(TestUsers.AUDITOR).get("/api/ledger/verify?log=access");
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    assertThat(verified.json().path("verified").asBoolean()).as(verified.toString()).isTrue();
  }

  @Test
  void theCatalogueNamesEveryAccessActionAndLedgerEventWithItsRationale() {
    Response catalogue = registry().as(TestUsers.AUDITOR).get("/api/audit/catalogue");

    assertThat(catalogue.status()).isEqualTo(200);
    for (AccessAction action : AccessAction.values()) {
      assertThat(catalogue.text()).contains("\"" + action.name() + "\"", action.rationale());
    }
    assertThat(catalogue.text()).contains("HandlingMarked", "AgreementDrafted");
  }

  @Test
  void anEditedAccessRecordIsNamedByVerification() {
    registry().as("fran-federal").get("/api/agreements");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Long last = jdbc.queryForObject("SELECT MAX(sequence_number) FROM chained_log_entry WHERE log_name = 'access'", Long.class);
    String actor = jdbc.queryForObject("SELECT actor FROM chained_log_entry WHERE log_name = 'access' AND sequence_number = ?", String.class, last);
    try {
      jdbc.update("UPDATE chained_log_entry SET actor = 'someone-else' WHERE log_name = 'access' AND sequence_number = ?", last);

      Response verified = registry().as(TestUsers.AUDITOR).get("/api/ledger/verify?log=access");

      assertThat(verified.text()).as(verified.toString()).contains("EDITED");
      assertThat(verified.json().path("broken").path("sequence").asLong()).isEqualTo(last);
    } finally {
      jdbc.update("UPDATE chained_log_entry SET actor = ? WHERE log_name = 'access' AND sequence_number = ?", actor, last);
    }
  }

  private static JsonNode findAction(JsonNode page, String action) {
    for (JsonNode item : page.path("items")) {
      if (action.equals(item.path("action").asText())) {
        return item;
      }
    }
    throw new AssertionError("no " + action + " in " + page);
  }
}
