package gov.ice.registry.web.pages;

import static gov.ice.registry.support.PageSession.csrf;
import static gov.ice.registry.support.PageSession.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.H2Registry;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.PageSession;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The pages answer a read as the JSON API answers it, role for role: a signed-in user with no
 * registry role reads no agreement through either door, and a page action on an agreement that
 * does not exist, or one the user's role may not take, is refused, never a server error.
 */
class PageAccessIT extends H2Registry {

  /** Signed in, with no registry role (deploy/users.example.yml). */
  static final String NO_ROLE = "nora";

  @Test
  void aUserWithNoRegistryRoleReadsNoAgreementThroughEitherDoor() throws Exception {
    String word = "pageaccess" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    ObjectNode draft = AgreementBodies.draft();
    draft.put("title", "Sharing with the Texas Department of Public Safety " + word);
    Response created = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", draft);
    String position = created.header("X-Registry-Position").orElseThrow();
    PageSession nobody = PageSession.signIn(port, NO_ROLE);
    PageSession analyst = PageSession.signIn(port, TestUsers.IGP);
    for (String page : List.of("/agreements/" + created.id(), "/?q=" + word + "&after=" + position, "/agreements.csv?q=" + word)) {
      HttpResponse<String> refused = nobody.get(page);
      assertThat(refused.statusCode()).as(page).isEqualTo(403);
      assertThat(refused.body()).as(page).doesNotContain(word).doesNotContain("jordan.rivera");
      HttpResponse<String> shown = analyst.get(page);
      assertThat(shown.statusCode()).as(page).isEqualTo(200);
      assertThat(shown.body()).as(page).contains(word);
    }
    for (String api : List.of("/api/agreements/" + created.id(), "/api/agreements?q=" + word)) {
      assertThat(registry().as(NO_ROLE).get(api).status()).as(api).isEqualTo(403);
      assertThat(registry().as(TestUsers.IGP).header("X-Registry-Position", position).get(api).status()).as(api).isEqualTo(200);
    }
  }

  @Test
  void theRepositoryCsvNeutralisesWhatASpreadsheetWouldRunAsAFormula() throws Exception {
    String word = "pagecsv" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    ObjectNode draft = AgreementBodies.draft();
    draft.put("title", "\uFF0BSUM(1) Sharing with the Texas Department of Public Safety " + word);
    Response created = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", draft);
    HttpResponse<String> csv = PageSession.signIn(port, TestUsers.IGP).get(
        "/agreements.csv?q=" + word + "&after=" + created.header("X-Registry-Position").orElseThrow());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).startsWith("\uFEFFCUI\r\nAgreement id,Title,").contains(",'\uFF0BSUM(1) Sharing with the Texas");
  }

  /** As the API: a control character in a page's filter is refused by name, never dropped nor trimmed away. */
  @Test
  void aControlCharacterInAPageFilterIsRefusedByName() throws Exception {
    HttpResponse<String> approvals = PageSession.signIn(port, TestUsers.AUDITOR).get("/audit/approvals?actor=%00prog");
    assertThat(approvals.body()).contains("actor must not contain control characters");
    HttpResponse<String> repository = PageSession.signIn(port, TestUsers.IGP).get("/?status=%00ACTIVE");
    assertThat(repository.body()).contains("Invalid search").contains("must not contain control characters");
  }

  /** USWDS is in the jar, built in from npm (docs/decisions/0170): open to anyone, kept by browsers for an hour. */
  @Test
  void theDesignSystemIsServedUnsignedWithCacheHeadersAndThePagesCarryTheOfficialBanner() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    for (String file : List.of("/static/uswds/css/uswds.min.css", "/static/uswds/js/uswds.min.js", "/static/uswds/img/us_flag_small.png",
        "/static/uswds/fonts/source-sans-pro/sourcesanspro-regular-webfont.woff2", "/static/registry.css")) {
      HttpResponse<byte[]> asset = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + file)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(asset.statusCode()).as(file).isEqualTo(200);
      assertThat(asset.body().length).as(file).isPositive();
      assertThat(asset.headers().firstValue("Cache-Control")).as(file).hasValueSatisfying(v -> assertThat(v).contains("max-age=3600"));
    }
    HttpResponse<String> login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.body()).contains("An official website of the United States government", "class=\"usa-banner\"",
        "/static/uswds/css/uswds.min.css");
    assertThat(login.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
  }

  @Test
  void aPageActionOnAnUnknownAgreementIsNotFoundAndOneTheRoleMayNotTakeIsForbidden() throws Exception {
    Response created = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
    PageSession analyst = PageSession.signIn(port, TestUsers.IGP);
    String csrf = csrf(analyst.get("/agreements/" + created.id()).body());

    HttpResponse<String> unknown = analyst.post("/agreements/" + UUID.randomUUID() + "/actions/withdraw",
        "reason=" + enc("Superseded.") + "&_csrf=" + enc(csrf));
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);

    HttpResponse<String> amendment = analyst.post("/agreements/" + created.id() + "/actions/amend",
        "title=" + enc("Changed by the wrong office") + "&consentedBy=ICE&_csrf=" + enc(csrf));
    assertThat(amendment.statusCode()).as(amendment.body()).isEqualTo(403);
    HttpResponse<String> withdrawal = analyst.post("/agreements/" + created.id() + "/actions/withdraw",
        "reason=" + enc("Not IGP's to withdraw.") + "&_csrf=" + enc(csrf));
    assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(403);
    // Nothing was stored by either refusal.
    assertThat(registry().as(TestUsers.IGP).get("/api/agreements/" + created.id()).json().path("version").asLong()).isEqualTo(1);
  }
}
