package gov.ice.registry.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.H2Registry;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.PageSession;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The security officer's pages: who read agreement X, and what user Y read, with dates, in words, paged. */
class AccessLogPageIT extends H2Registry {

  @Test
  void anAuditorSeesWhoReadAnAgreementAndWhatAUserRead() throws Exception {
    Response created = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
    String id = created.id();
    assertThat(registry().as("fran-federal").get("/api/agreements/" + id).status()).isEqualTo(200);
    assertThat(registry().as("fran-federal").get("/api/agreements/" + id + "/history").status()).isEqualTo(200);

    PageSession auditor = PageSession.signIn(port, TestUsers.AUDITOR);
    HttpResponse<String> whoRead = auditor.get("/audit/access?agreementId=" + id);
    assertThat(whoRead.statusCode()).isEqualTo(200);
    String rows = whoRead.body().substring(whoRead.body().indexOf("id=\"access-records\""));
    assertThat(rows).contains("fran-federal", "Viewed", "Read its history", "Allowed", "/api/agreements/" + id + "/history");
    assertThat(rows).as("dates").containsPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    assertThat(whoRead.body()).contains("<select class=\"usa-select\" id=\"action\"");

    HttpResponse<String> whatRead = auditor.get("/audit/access?actor=fran-federal&action=HISTORY");
    assertThat(whatRead.statusCode()).isEqualTo(200);
    String herRows = whatRead.body().substring(whatRead.body().indexOf("id=\"access-records\""));
    assertThat(herRows).contains(id, "Read its history").doesNotContain(">Viewed<");

    HttpResponse<String> bad = auditor.get("/audit/access?from=yesterday");
    assertThat(bad.body()).contains("must be a date");

    // Reading the log is in the log.
    Response reads = registry().as(TestUsers.AUDITOR).get("/api/audit/access?actor=" + TestUsers.AUDITOR + "&action=ACCESS_LOG_READ&size=5");
    assertThat(reads.json().path("items").findValuesAsText("path")).contains("/audit/access");

    HttpResponse<String> notAnAuditor = PageSession.signIn(port, TestUsers.PROGRAM_OFFICE).get("/audit/access");
    assertThat(notAnAuditor.statusCode()).isEqualTo(403);
  }

  @Test
  void aRecordOfAnAgreementTheMarkingsHideIsWithheldAndItsOwnListDoesNotExist() throws Exception {
    ObjectNode draft = AgreementBodies.draft();
    draft.set("handling", HandlingIT.handling(List.of("SP-PRVCY"), List.of("DL_ONLY"), List.of(), List.of("HSI-CYBER")));
    String id = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", draft).id();
    assertThat(registry().as("dana-listed").get("/api/agreements/" + id).status()).isEqualTo(200);

    PageSession notListed = PageSession.signIn(port, "fran-federal");
    assertThat(notListed.get("/audit/access?agreementId=" + id).statusCode()).isEqualTo(404);
    HttpResponse<String> danas = notListed.get("/audit/access?actor=dana-listed");
    assertThat(danas.statusCode()).isEqualTo(200);
    assertThat(danas.body()).doesNotContain(id).contains("Withheld");
  }
}
