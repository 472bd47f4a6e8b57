package gov.ice.registry.web.position;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.H2Registry;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.PageSession;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a person or a script writes, the next read shows: a command names the ledger position of
 * its last event, and a read given it waits until its read model has handled it. Through the JSON
 * API and through the pages, on the real application with its real read store.
 */
class ReadYourWritesIT extends H2Registry {

  /** Far beyond any ledger a test makes, and within the 18 digits a position may have. */
  private static final long FAR_BEYOND = 999_999_999_999_999L;

  @Test
  void aSearchGivenTheDraftsPositionFindsTheDraftEveryTime() {
    for (int i = 0; i < 10; i++) {
      String word = "rywdraft" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      ObjectNode draft = AgreementBodies.draft();
      draft.put("title", "Sharing with the Texas Department of Public Safety " + word);
      Response created = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", draft);
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      String position = created.header(ReadYourWrites.HEADER).orElseThrow();
      assertThat(Long.parseLong(position)).isNotNegative();

      Response search = registry().as(TestUsers.IGP).header(ReadYourWrites.HEADER, position).get("/api/agreements?q=" + word);
      assertThat(search.status()).as(search.toString()).isEqualTo(200);
      assertThat(search.json().path("total").asLong()).as(search.toString()).isEqualTo(1);
      assertThat(search.json().path("items").path(0).path("id").asText()).isEqualTo(created.id());
    }
  }

  @Test
  void aStatusChangeIsSeenByTheNextFilteredSearchAndTheReviewsAfterParameterToo() {
    String word = "rywwithdraw" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ObjectNode draft = AgreementBodies.draft();
    draft.put("title", "Sharing with the Texas Department of Public Safety " + word);
    Response created = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", draft);
    Response withdrawn = registry().as(TestUsers.PROGRAM_OFFICE)
        .post("/api/agreements/" + created.id() + "/withdrawal", "{\"reason\":\"Superseded by another agreement.\"}");
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
    long before = Long.parseLong(created.header(ReadYourWrites.HEADER).orElseThrow());
    long after = Long.parseLong(withdrawn.header(ReadYourWrites.HEADER).orElseThrow());
    assertThat(after).isGreaterThan(before);

    Response search = registry().as(TestUsers.IGP).get("/api/agreements?status=WITHDRAWN&q=" + word + "&after=" + after);
    assertThat(search.json().path("total").asLong()).as(search.toString()).isEqualTo(1);
  }

  @Test
  void aPositionThatIsNotAWholeNumberIsABadRequestNamingIt() {
    for (String bad : new String[] {"-1", "abc", "1e3", "99999999999999999999", " "}) {
      Response answer = registry().as(TestUsers.IGP).header(ReadYourWrites.HEADER, bad).get("/api/agreements");
      assertThat(answer.status()).as(bad + " " + answer).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().path("violations").path(0).path("field").asText()).isEqualTo("after");
    }
  }

  @Test
  void aPositionBeyondTheLedgersHeadIsABadRequestOnceTheWaitEnds() {
    Response answer = registry().as(TestUsers.IGP).get("/api/reviews/overdue?after=" + FAR_BEYOND);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.json().path("detail").asText()).contains("has no position");
  }

  @Test
  void readsOfTheLedgerItselfNeverWait() {
    Response created = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
    // A position far beyond the head would hold a read-model query for the whole bound; the ledger's own read answers at once.
    Response one = registry().as(TestUsers.IGP)
        .header(ReadYourWrites.HEADER, Long.toString(FAR_BEYOND)).get("/api/agreements/" + created.id());
    assertThat(one.status()).as(one.toString()).isEqualTo(200);
  }

  @Test
  void aPageActionRedirectsWithItsPositionAndTheRepositoryPageThenShowsIt() throws Exception {
    String word = "rywpage" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ObjectNode draft = AgreementBodies.draft();
    draft.put("title", "Sharing with the Texas Department of Public Safety " + word);
    Response created = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", draft);
    PageSession browser = PageSession.signIn(port, TestUsers.PROGRAM_OFFICE);

    String csrf = PageSession.csrf(browser.get("/agreements/" + created.id()).body());
    HttpResponse<String> posted = browser.post("/agreements/" + created.id() + "/actions/withdraw",
        "reason=" + PageSession.enc("Superseded.") + "&_csrf=" + PageSession.enc(csrf));
    assertThat(posted.statusCode() / 100).as(posted.body()).isEqualTo(3);
    String position = posted.headers().firstValue(ReadYourWrites.HEADER).orElseThrow();
    assertThat(posted.headers().firstValue("Location").orElseThrow()).contains("after=" + position);

    // The session remembers the position: the repository page, opened from the menu without it, waits for it as well.
    String repository = browser.get("/?status=WITHDRAWN&q=" + word).body();
    assertThat(repository).contains(word);
  }
}
