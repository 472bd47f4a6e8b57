package gov.ice.registry.web.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.Multipart;
import gov.ice.registry.support.PageSession;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The walk of every read path as each example reader, on any registry: {@code MarkingsOnEveryPathIT}
 * runs it on H2, {@code PostgresMarkingsIT} on PostgreSQL.
 *
 * <p>"A person sees only what their markings allow on every path": every path {@link RecordedPaths}
 * names (the API's and the pages'), walked through real HTTP as each example reader, against
 * active agreements marked NOCON, FED ONLY, NOFORN, REL TO USA, GBR and DL ONLY. No answer names
 * the id or the title of an agreement the markings keep from the user; each single read the
 * markings allow is in the access log as the user's, and each one they refuse is logged DENIED.
 */
public final class MarkingsWalk {

  private final java.util.function.Supplier<gov.ice.registry.support.RegistryClient> client;
  private final int port;

  public MarkingsWalk(java.util.function.Supplier<gov.ice.registry.support.RegistryClient> client, int port) {
    this.client = client;
    this.port = port;
  }

  private gov.ice.registry.support.RegistryClient registry() {
    return client.get();
  }

  private static final String FEDERAL_US = "fran-federal";
  private static final String CONTRACTOR_US = "cody-contractor";
  private static final String FEDERAL_NON_US = "gwen-liaison";
  private static final String ON_THE_LIST = "dana-listed";
  private static final List<String> USERS = List.of(FEDERAL_US, CONTRACTOR_US, FEDERAL_NON_US, ON_THE_LIST);

  /** Paths the example readers' roles (IGP, AUDITOR) do not reach: refused 403 before any agreement is looked at. */
  private static final Set<String> NOT_THEIR_ROLE = Set.of("/agreements/{id}/draft");

  private final String word = "walk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final Map<String, Marked> agreements = new LinkedHashMap<>();

  private record Marked(String id, String title, String documentId, Set<String> admitted) {}

  /** One request of the walk: its concrete address, and the agreement it reads alone (null for a list). */
  private record Step(String template, String address, Marked single, boolean page) {}

  /** Imports the marked agreements and waits until the read models hold them. */
  public void importOneActiveAgreementPerControl() {
    imported("NOCON", List.of("NOCON"), List.of(), List.of(), Set.of(FEDERAL_US, FEDERAL_NON_US, ON_THE_LIST));
    imported("FEDONLY", List.of("FED_ONLY"), List.of(), List.of(), Set.of(FEDERAL_US, FEDERAL_NON_US, ON_THE_LIST));
    imported("NOFORN", List.of("NOFORN"), List.of(), List.of(), Set.of(FEDERAL_US, CONTRACTOR_US, ON_THE_LIST));
    imported("RELTO", List.of("REL_TO"), List.of("GBR", "USA"), List.of(), Set.copyOf(USERS));
    imported("DLONLY", List.of("DL_ONLY"), List.of(), List.of("HSI-CYBER"), Set.of(ON_THE_LIST));
    // Imported in 2024, each is overdue for its biennial review: it is on the review lists, the
    // approvals audit (its signatures) and IGP's work queue, once the read models have it.
    for (Marked a : agreements.values()) {
      String reader = a.admitted().iterator().next();
      await("the read models hold " + a.title()).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> registry().as(reader).get("/api/reviews/overdue").text().contains(a.id())
              && registry().as(reader).get("/api/audit/approvals").text().contains(a.id())
              && registry().as(reader).get("/api/agreements?q=" + word + "&size=200").text().contains(a.id()));
    }
  }

  private void imported(String name, List<String> controls, List<String> relTo, List<String> list, Set<String> admitted) {
    ObjectNode body = AgreementBodies.executed(word + "-" + name);
    String title = "Walk " + name + " " + word + " with the Texas Department of Public Safety";
    body.put("title", title);
    body.set("handling", HandlingIT.handling(List.of("SP-PRVCY"), controls, relTo, list));
    Response created = registry().as(TestUsers.IGP).post("/api/agreements/import", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.id();
    Response attached = new Multipart().field("kind", "ANNEX").file("annex-" + name + ".txt", "text/plain",
        ("Annex of " + title).getBytes(StandardCharsets.UTF_8)).post(registry(), TestUsers.PROGRAM_OFFICE, "/api/agreements/" + id + "/documents");
    assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
    agreements.put(name, new Marked(id, title, attached.json().path("id").asText(), admitted));
  }

  /** Walks every path as each reader; then the access log's chain verifies. */
  public void noPathShowsAMarkedAgreementToAUserItsMarkingsExcludeAndEveryReadIsLogged() throws Exception {
    List<Step> steps = steps();
    for (String user : USERS) {
      PageSession session = PageSession.signIn(port, user);
      List<Step> allowedReads = new ArrayList<>();
      List<Step> deniedReads = new ArrayList<>();
      for (Step step : steps) {
        int status;
        String body;
        if (step.page()) {
          var answer = session.get(step.address());
          status = answer.statusCode();
          body = answer.body();
        } else if (step.template().endsWith("{documentId}")) {
          // A download's bytes: the committed contract declares no media type for them to be checked against.
          var answer = download(user, step.address());
          status = answer.statusCode();
          body = answer.body();
        } else {
          Response answer = registry().as(user).get(step.address());
          status = answer.status();
          body = answer.text();
        }
        for (Marked a : agreements.values()) {
          if (!a.admitted().contains(user)) {
            assertThat(body).as("%s GET %s names %s", user, step.address(), a.title()).doesNotContain(a.title());
            if (step.single() != a) {
              assertThat(body).as("%s GET %s names the id of %s", user, step.address(), a.title()).doesNotContain(a.id());
            }
          }
        }
        if (step.single() == null) {
          assertThat(status).as("%s GET %s", user, step.address()).isEqualTo(200);
          continue;
        }
        boolean allowed = step.single().admitted().contains(user);
        if (NOT_THEIR_ROLE.contains(step.template())) {
          assertThat(status).as("%s GET %s", user, step.address()).isEqualTo(403);
        } else if (allowed) {
          assertThat(status).as("%s GET %s", user, step.address()).isEqualTo(200);
          allowedReads.add(step);
        } else {
          assertThat(status).as("%s GET %s", user, step.address()).isEqualTo(404);
          deniedReads.add(step);
        }
      }
      assertLogged(user, allowedReads, deniedReads);
    }
    Response verified = registry().as(TestUsers.AUDITOR).get("/api/ledger/verify?log=access");
    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    assertThat(verified.json().path("verified").asBoolean()).as(verified.toString()).isTrue();
  }

  private java.net.http.HttpResponse<String> download(String user, String address) throws Exception {
    String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + TestUsers.passwordOf(user)).getBytes(StandardCharsets.UTF_8));
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(registry().baseUrl() + address)).header("Authorization", "Basic " + basic).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  /** Each allowed single read is in the access log as {@code user}'s, ALLOWED, and each refused one DENIED, with its path. */
  private void assertLogged(String user, List<Step> allowed, List<Step> denied) {
    Set<String> logged = new TreeSet<>();
    for (int page = 0; ; page++) {
      // Read as the reader every marking here admits (an auditor too): to the user themself, the
      // records of an agreement their markings exclude are withheld, their own refused reads included.
      Response records = registry().as(ON_THE_LIST).get("/api/audit/access?actor=" + user + "&size=500&page=" + page);
      assertThat(records.status()).as(records.toString()).isEqualTo(200);
      for (JsonNode r : records.json().path("items")) {
        logged.add(r.path("outcome").asText() + " " + r.path("agreementId").asText() + " " + r.path("detail").path("path").asText());
      }
      if ((long) (page + 1) * 500 >= records.json().path("total").asLong()) {
        break;
      }
    }
    for (Step step : allowed) {
      assertThat(logged).as("%s's read of %s", user, step.address()).contains("ALLOWED " + step.single().id() + " " + path(step.address()));
    }
    for (Step step : denied) {
      assertThat(logged).as("%s's refused read of %s", user, step.address()).contains("DENIED " + step.single().id() + " " + path(step.address()));
    }
  }

  private static String path(String address) {
    int query = address.indexOf('?');
    return query < 0 ? address : address.substring(0, query);
  }

  /** Every template of RecordedPaths made concrete: once per agreement where it names one, once otherwise. */
  private List<Step> steps() {
    Map<String, Boolean> templates = new LinkedHashMap<>();
    RecordedPaths.API.keySet().forEach(t -> templates.put(t, false));
    RecordedPaths.PAGES.keySet().forEach(t -> templates.put(t, true));
    Map<String, String> lists = new HashMap<>();
    String q = URLEncoder.encode(word, StandardCharsets.UTF_8);
    lists.put("/api/agreements", "/api/agreements?q=" + q + "&size=200");
    lists.put("/api/audit/approvals", "/api/audit/approvals");
    lists.put("/api/reviews/overdue", "/api/reviews/overdue");
    lists.put("/api/reviews/due", "/api/reviews/due?within=P3650D");
    lists.put("/api/deadlines/exigent", "/api/deadlines/exigent");
    lists.put("/api/notices", "/api/notices");
    lists.put("/api/work", "/api/work?size=200");
    lists.put("/api/sharing-decisions", "/api/sharing-decisions?size=500");
    lists.put("/api/audit/access", "/api/audit/access?size=500");
    lists.put("/", "/?q=" + q);
    lists.put("/agreements.csv", "/agreements.csv?q=" + q);
    lists.put("/reviews", "/reviews");
    lists.put("/deadlines/exigent", "/deadlines/exigent");
    lists.put("/audit/approvals", "/audit/approvals");
    lists.put("/audit/approvals.csv", "/audit/approvals.csv");
    lists.put("/work", "/work");
    lists.put("/audit/access", "/audit/access");
    lists.put("/api/sharing-decisions/{id}", null);
    List<Step> steps = new ArrayList<>();
    templates.forEach((template, page) -> {
      if (template.equals("/api/ledger/verify")) {
        agreements.values().forEach(a -> steps.add(new Step(template, template + "?agreementId=" + a.id(), a, false)));
      } else if (template.equals("/api/sharing-decisions/{id}")) {
        // A decision of the gate, not an agreement: its list is walked, and a decision naming a hidden agreement is withheld there.
      } else if (template.contains("{id}")) {
        agreements.values().forEach(a -> steps.add(new Step(template,
            template.replace("{id}", a.id()).replace("{documentId}", a.documentId()), a, page)));
      } else if (lists.containsKey(template)) {
        steps.add(new Step(template, lists.get(template), null, page));
      } else {
        fail("The walk does not know how to ask for " + template + ": teach it, so that every recorded path is walked");
      }
    });
    return steps;
  }
}
