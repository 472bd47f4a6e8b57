package gov.ice.registry.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.H2Registry;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pages answer a read as the JSON API answers it, role for role: a signed-in user with no
 * registry role reads no agreement through either door, and a page action on an agreement that
 * does not exist, or one the user's role may not take, is refused, never a server error.
 */
class PageAccessIT extends H2Registry {

  /** Signed in, with no registry role (deploy/users.example.yml). */
  static final String NO_ROLE = "nora";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Test
  void aUserWithNoRegistryRoleReadsNoAgreementThroughEitherDoor() throws Exception {
    String word = "pageaccess" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    ObjectNode draft = AgreementBodies.draft();
    draft.put("title", "Sharing with the Texas Department of Public Safety " + word);
    Response created = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", draft);
    String position = created.header("X-Registry-Position").orElseThrow();
    String base = "http://localhost:" + port;

    HttpClient nobody = signIn(base, NO_ROLE);
    HttpClient analyst = signIn(base, TestUsers.IGP);
    for (String page : List.of("/agreements/" + created.id(), "/?q=" + word + "&after=" + position, "/agreements.csv?q=" + word)) {
      HttpResponse<String> refused = get(nobody, base, page);
      assertThat(refused.statusCode()).as(page).isEqualTo(403);
      assertThat(refused.body()).as(page).doesNotContain(word).doesNotContain("jordan.rivera");
      HttpResponse<String> shown = get(analyst, base, page);
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
    String base = "http://localhost:" + port;
    HttpResponse<String> csv = get(signIn(base, TestUsers.IGP), base,
        "/agreements.csv?q=" + word + "&after=" + created.header("X-Registry-Position").orElseThrow());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).startsWith("\uFEFFid,title,").contains(",'\uFF0BSUM(1) Sharing with the Texas");
  }

  @Test
  void aPageActionOnAnUnknownAgreementIsNotFoundAndOneTheRoleMayNotTakeIsForbidden() throws Exception {
    String base = "http://localhost:" + port;
    Response created = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
    HttpClient analyst = signIn(base, TestUsers.IGP);
    String csrf = csrf(get(analyst, base, "/agreements/" + created.id()).body());

    HttpResponse<String> unknown = post(analyst, base, "/agreements/" + UUID.randomUUID() + "/actions/withdraw",
        "reason=" + enc("Superseded.") + "&_csrf=" + enc(csrf));
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);

    HttpResponse<String> amendment = post(analyst, base, "/agreements/" + created.id() + "/actions/amend",
        "title=" + enc("Changed by the wrong office") + "&consentedBy=ICE&_csrf=" + enc(csrf));
    assertThat(amendment.statusCode()).as(amendment.body()).isEqualTo(403);
    HttpResponse<String> withdrawal = post(analyst, base, "/agreements/" + created.id() + "/actions/withdraw",
        "reason=" + enc("Not IGP's to withdraw.") + "&_csrf=" + enc(csrf));
    assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(403);
    // Nothing was stored by either refusal.
    assertThat(registry().as(TestUsers.IGP).get("/api/agreements/" + created.id()).json().path("version").asLong()).isEqualTo(1);
  }

  static HttpClient signIn(String base, String username) throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    String token = csrf(get(client, base, "/login").body());
    HttpResponse<String> signedIn = post(client, base, "/login",
        "username=" + enc(username) + "&password=" + enc(TestUsers.passwordOf(username)) + "&_csrf=" + enc(token));
    assertThat(signedIn.statusCode() / 100).as(signedIn.body()).isEqualTo(3);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("/login");
    return client;
  }

  static String csrf(String html) {
    Matcher matcher = CSRF.matcher(html);
    assertThat(matcher.find()).as(html).isTrue();
    return matcher.group(1);
  }

  static HttpResponse<String> get(HttpClient client, String base, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Accept", "text/html")
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(HttpClient client, String base, String path, String form) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
