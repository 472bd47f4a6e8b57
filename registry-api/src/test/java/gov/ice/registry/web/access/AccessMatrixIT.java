package gov.ice.registry.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.H2Registry;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.PageSession;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Users against marked agreements against read paths, through real HTTP on the real registry:
 * each cell is allowed or denied as the markings say, a denial shows no title, and a search's
 * total is what the user can page through. The users are deploy/users.example.yml's readers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT extends H2Registry {

  private static final String FEDERAL_US = "fran-federal";
  private static final String CONTRACTOR_US = "cody-contractor";
  private static final String FEDERAL_NON_US = "gwen-liaison";
  private static final String ON_THE_LIST = "dana-listed";
  private static final List<String> USERS = List.of(FEDERAL_US, CONTRACTOR_US, FEDERAL_NON_US, ON_THE_LIST);

  /** Agreement name -> its handling and the users it admits (fran-federal is the user not on the DL ONLY list). */
  private final Map<String, Marked> agreements = new LinkedHashMap<>();
  private final String word = "matrix" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private String position;

  private record Marked(String id, String title, String banner, Set<String> admitted) {}

  @BeforeAll
  void draftOneAgreementPerControl() {
    draft("NOCON", List.of("NOCON"), List.of(), List.of(), "CUI//SP-PRVCY//NOCON", Set.of(FEDERAL_US, FEDERAL_NON_US, ON_THE_LIST));
    draft("FEDONLY", List.of("FED_ONLY"), List.of(), List.of(), "CUI//SP-PRVCY//FED ONLY", Set.of(FEDERAL_US, FEDERAL_NON_US, ON_THE_LIST));
    draft("FEDCON", List.of("FEDCON"), List.of(), List.of(), "CUI//SP-PRVCY//FEDCON", Set.copyOf(USERS));
    draft("NOFORN", List.of("NOFORN"), List.of(), List.of(), "CUI//SP-PRVCY//NOFORN", Set.of(FEDERAL_US, CONTRACTOR_US, ON_THE_LIST));
    draft("RELTO", List.of("REL_TO"), List.of("GBR", "USA"), List.of(), "CUI//SP-PRVCY//REL TO USA, GBR", Set.copyOf(USERS));
    draft("DLONLY", List.of("DL_ONLY"), List.of(), List.of("HSI-CYBER"), "CUI//SP-PRVCY//DL ONLY", Set.of(ON_THE_LIST));
  }

  private void draft(String name, List<String> controls, List<String> relTo, List<String> list, String banner, Set<String> admitted) {
    ObjectNode draft = AgreementBodies.draft();
    String title = "Sharing " + name + " " + word + " with the Texas Department of Public Safety";
    draft.put("title", title);
    draft.set("handling", HandlingIT.handling(List.of("SP-PRVCY"), controls, relTo, list));
    Response created = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", draft);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    position = created.header("X-Registry-Position").orElseThrow();
    agreements.put(name, new Marked(created.id(), title, banner, admitted));
  }

  @Test
  void theApiViewAndHistoryAdmitOrAnswerNotFoundWithoutTheTitle() {
    for (String user : USERS) {
      for (Marked a : agreements.values()) {
        boolean allowed = a.admitted().contains(user);
        Response view = registry().as(user).get("/api/agreements/" + a.id());
        Response history = registry().as(user).get("/api/agreements/" + a.id() + "/history");
        Response asOf = registry().as(user).get("/api/agreements/" + a.id() + "?asOf=2999-01-01T00:00:00Z");
        for (Response answer : List.of(view, history, asOf)) {
          assertThat(answer.status()).as("%s reading %s: %s", user, a.title(), answer).isEqualTo(allowed ? 200 : 404);
          if (!allowed) {
            assertThat(answer.text()).doesNotContain(word);
          }
        }
        if (allowed) {
          assertThat(view.json().path("handling").path("banner").asText()).isEqualTo(a.banner());
          assertThat(view.header("X-Handling-Banner")).contains(a.banner());
        }
      }
    }
  }

  @Test
  void aSearchsItemsTotalAndFacetsCountOnlyWhatTheUserMaySee() {
    for (String user : USERS) {
      Response search = registry().as(user).get("/api/agreements?q=" + word + "&size=200&after=" + position);
      assertThat(search.status()).as(search.toString()).isEqualTo(200);
      Set<String> expected = new java.util.HashSet<>();
      agreements.values().stream().filter(a -> a.admitted().contains(user)).forEach(a -> expected.add(a.id()));
      Set<String> found = new java.util.HashSet<>();
      search.json().path("items").forEach(item -> found.add(item.path("id").asText()));

      assertThat(found).as(user).isEqualTo(expected);
      assertThat(search.json().path("total").asLong()).as(user).isEqualTo(expected.size());
      assertThat(search.json().path("facets").path("status").path("DRAFT").asLong()).as(user).isEqualTo(expected.size());
      agreements.values().stream().filter(a -> !a.admitted().contains(user))
          .forEach(a -> assertThat(search.text()).as(user).doesNotContain(a.title()));
    }
  }

  @Test
  void thePagesAndTheCsvFollowTheMarkingsAndCarryTheBanner() throws Exception {
    for (String user : USERS) {
      PageSession session = PageSession.signIn(port, user);
      for (Marked a : agreements.values()) {
        boolean allowed = a.admitted().contains(user);
        HttpResponse<String> page = session.get("/agreements/" + a.id());
        assertThat(page.statusCode()).as("%s page of %s", user, a.title()).isEqualTo(allowed ? 200 : 404);
        if (allowed) {
          String body = page.body();
          assertThat(body.indexOf(a.banner())).as("banner at the top").isLessThan(body.indexOf("<main"));
          assertThat(body.lastIndexOf(a.banner())).as("banner at the bottom").isGreaterThan(body.indexOf("</main>"));
        } else {
          assertThat(page.body()).doesNotContain(word);
        }
      }
      HttpResponse<String> csv = session.get("/agreements.csv?q=" + word + "&after=" + position);
      assertThat(csv.statusCode()).isEqualTo(200);
      String[] lines = csv.body().split("\r\n");
      // A banner with a comma (REL TO USA, GBR) is one quoted cell.
      assertThat(lines[0].replace("\uFEFF", "").replace("\"", "")).as("%s: the first line is the banner", user)
          .startsWith("CUI//SP-PRVCY//");
      assertThat(lines[1]).startsWith("Agreement id,Title,");
      for (Marked a : agreements.values()) {
        assertThat(csv.body().contains(a.id())).as("%s CSV row of %s", user, a.title()).isEqualTo(a.admitted().contains(user));
      }
    }
  }
}
