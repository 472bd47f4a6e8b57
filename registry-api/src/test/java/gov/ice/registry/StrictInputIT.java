package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loose input is refused, not converted: each bad value is a 400 problem+json naming the field,
 * in words rather than a parser's, and nothing is stored (counted in the event table itself).
 */
class StrictInputIT extends H2Registry {

  @Autowired
  DataSource dataSource;

  private long storedEvents() {
    return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
  }

  private ObjectNode draftWith(Consumer<ObjectNode> change) {
    ObjectNode draft = AgreementBodies.draft();
    change.accept(draft);
    return draft;
  }

  private static ObjectNode terms(ObjectNode draft) {
    return (ObjectNode) draft.path("terms");
  }

  /** Drafting {@code body} is refused with a 400 naming {@code field}, and stores nothing. */
  private void assertDraftRefused(ObjectNode body, String field) {
    long before = storedEvents();
    Response response = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", body);
    assertBadRequestNaming(response, field);
    assertThat(storedEvents()).as("events stored after refusing %s", field).isEqualTo(before);
  }

  @Test
  void refusesFractionsWhereWholeNumbersAreExpected() {
    assertDraftRefused(draftWith(d -> terms(d).put("terminationNoticeDays", 30.999)), "terms.terminationNoticeDays");
    assertDraftRefused(draftWith(d -> terms(d).put("terminationNoticeDays", 30.0)), "terms.terminationNoticeDays");

    String id = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft()).id();
    long before = storedEvents();
    ObjectNode concurrence = AgreementBodies.concurrence("IGP", 1).put("draftVersion", 1.9);
    Response response = registry().as(TestUsers.stakeholder(StakeholderOffice.IGP)).post("/api/agreements/" + id + "/concurrences", concurrence);
    assertBadRequestNaming(response, "draftVersion");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void refusesStringsForNumbersAndBooleansAndNumbersForStrings() {
    assertDraftRefused(draftWith(d -> terms(d).put("terminationNoticeDays", "30")), "terms.terminationNoticeDays");
    assertDraftRefused(draftWith(d -> ((ObjectNode) d.path("dataProfile")).put("pii", "true")), "dataProfile.pii");
    assertDraftRefused(draftWith(d -> ((ObjectNode) d.path("dataProfile")).put("pii", 1)), "dataProfile.pii");
    assertDraftRefused(draftWith(d -> d.put("title", 123)), "title");
    assertDraftRefused(draftWith(d -> ((ObjectNode) d.path("parties").get(0)).put("intelligenceCommunity", "false")),
        "parties[0].intelligenceCommunity");
    assertDraftRefused(draftWith(d -> d.put("kind", 0)), "kind");
  }

  @Test
  void refusesControlCharactersButKeepsTabsAndLineBreaksInLongText() {
    assertDraftRefused(draftWith(d -> d.put("title", "Sharing\u0000with Texas")), "title");
    assertDraftRefused(draftWith(d -> terms(d).put("purpose", "Identify\u0007 removable aliens.")), "terms.purpose");
    assertDraftRefused(draftWith(d -> terms(d).put("purpose", "Escape \u001b[31m sequences.")), "terms.purpose");
    assertDraftRefused(draftWith(d -> d.put("title", "Sharing with\nTexas")), "title");

    Response multiline = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements",
        draftWith(d -> terms(d).put("purpose", "First:\tidentify removable aliens.\r\nSecond: before release.")));
    assertThat(multiline.status()).as(multiline.toString()).isEqualTo(201);
    Response stored = registry().as(TestUsers.AUDITOR).get("/api/agreements/" + multiline.id() + "/history");
    assertThat(stored.json().get(0).path("payload").path("profile").path("terms").path("purpose").asText())
        .isEqualTo("First:\tidentify removable aliens.\r\nSecond: before release.");
  }

  @Test
  void refusesTextMadeOnlyOfInvisibleCharacters() {
    assertDraftRefused(draftWith(d -> d.put("title", "\u200B\u200B\u200B")), "title");
    assertDraftRefused(draftWith(d -> d.put("title", " \u200D\uFEFF \u2060 ")), "title");
    assertDraftRefused(draftWith(d -> ((ObjectNode) d.path("parties").get(0)).put("name", "\u3164")), "parties[0].name");
  }

  @Test
  void refusesImplausibleDates() {
    assertDraftRefused(draftWith(d -> terms(d).put("effectiveDate", "0000-01-01")), "terms.effectiveDate");
    assertDraftRefused(draftWith(d -> terms(d).put("effectiveDate", "1899-12-31")), "terms.effectiveDate");
    assertDraftRefused(draftWith(d -> terms(d).put("terminationDate", "9999-12-31")), "terms.terminationDate");
    assertDraftRefused(draftWith(d -> terms(d).put("terminationDate", "+10000-01-01")), "terms.terminationDate");
    assertDraftRefused(draftWith(d -> terms(d).put("effectiveDate", 20260115)), "terms.effectiveDate");
  }

  @Test
  void refusesNullFlagsDateTimesForDatesAndValuesWithSpacesAround() {
    assertDraftRefused(draftWith(d -> ((ObjectNode) d.path("parties").path(0)).putNull("intelligenceCommunity")),
        "parties[0].intelligenceCommunity");
    assertDraftRefused(draftWith(d -> ((ObjectNode) d.path("dataProfile")).putNull("pii")), "dataProfile.pii");
    assertDraftRefused(draftWith(d -> terms(d).put("effectiveDate", "2026-01-15T00:00:00Z")), "terms.effectiveDate");
    assertDraftRefused(draftWith(d -> terms(d).put("effectiveDate", "2026-01-15T10:00")), "terms.effectiveDate");
    assertDraftRefused(draftWith(d -> ((ObjectNode) d.path("dataProfile")).put("marking", "CUI ")), "dataProfile.marking");
    assertDraftRefused(draftWith(d -> d.put("kind", " MOU")), "kind");
  }

  @Test
  void refusesASignatureDatedBeforeTheDraftOrAfterToday() {
    String id = clearedAgreement();
    long before = storedEvents();
    ObjectNode early = AgreementBodies.iceSignature("HSI_EAD").put("signedOn", "1990-01-01");
    Response beforeDraft = registry().as("sig-hsi-ead").post("/api/agreements/" + id + "/signatures", early);
    assertThat(beforeDraft.status()).as(beforeDraft.toString()).isEqualTo(400);
    assertThat(beforeDraft.json().path("detail").asText()).contains("signedOn").contains("drafted");
    ObjectNode late = AgreementBodies.iceSignature("HSI_EAD").put("signedOn", AgreementBodies.today().plusDays(2).toString());
    Response future = registry().as("sig-hsi-ead").post("/api/agreements/" + id + "/signatures", late);
    assertThat(future.status()).as(future.toString()).isEqualTo(400);
    assertThat(future.json().path("detail").asText()).contains("signedOn");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void refusesQueryValuesThatDoNotParse() {
    RegistryClient.Request igp = registry().as(TestUsers.IGP);
    assertBadRequestNaming(igp.get("/api/agreements?q=texas%00"), "q");
    assertBadRequestNaming(igp.get("/api/agreements?q=%1B%5B2J"), "q");
    assertBadRequestNaming(igp.get("/api/notices?since=-999999999-01-01"), "since");
    assertBadRequestNaming(igp.get("/api/notices?since=%2B999999999-12-31"), "since");
    assertBadRequestNaming(igp.get("/api/notices?since=1000-01-01T00:00:00Z"), "since");
    assertBadRequestNaming(igp.get("/api/reviews/due?within=P999999999Y"), "within");
    assertBadRequestNaming(registry().as(TestUsers.AUDITOR).get("/api/audit/approvals?from=-999999999-01-01"), "from");
  }

  @Test
  void answersAProblemForPathIdsThatAreNotAgreementIds() {
    for (String id : List.of("..%2F..%2Fadmin", "%00", "%0D%0AX-Injected:%201", "..", "not-a-uuid", "%2e%2e%2fadmin")) {
      Response response = registry().as(TestUsers.AUDITOR).get("/api/agreements/" + id);
      assertThat(response.status()).as("%s: %s", id, response).isIn(400, 404);
      assertThat(response.contentType()).as(id).startsWith("application/problem+json");
      assertThat(response.json().path("type").asText()).as(id).startsWith("tag:ice.gov,2026:isaa-registry/problems/");
      assertThat(response.header("X-Injected")).isEmpty();
    }
  }

  /**
   * As Python's urllib sends: no {@code Expect: 100-continue}, {@code Connection: close}, the whole
   * body written before anything is read. Every try reads the 413 and the rest of the answer to
   * the server's close, never a reset, at every size up to the 10 MB discard limit.
   */
  @Test
  void answersTooLargeToEveryUploadThatSendsTheWholeBodyAndAsksToClose() throws Exception {
    long before = storedEvents();
    for (int megabytes : new int[] {2, 5, 9}) {
      for (int attempt = 1; attempt <= 10; attempt++) {
        try (Socket socket = new Socket("localhost", port)) {
          BufferedReader response = upload(socket, megabytes * 1024 * 1024, false, "close");
          String context = megabytes + " MB, try " + attempt;
          assertTooLarge(response, context);
          assertThat(response.lines().count()).as(context).isPositive();
        }
      }
    }
    assertThat(storedEvents()).isEqualTo(before);
  }

  /** The same without a length (chunked): the 413 is read after the body, not a reset. */
  @Test
  void answersTooLargeToAChunkedUploadAfterReadingIt() throws Exception {
    for (int megabytes : new int[] {2, 9}) {
      for (int attempt = 1; attempt <= 3; attempt++) {
        try (Socket socket = new Socket("localhost", port)) {
          BufferedReader response = upload(socket, megabytes * 1024 * 1024, true, "close");
          assertTooLarge(response, "chunked " + megabytes + " MB, try " + attempt);
          assertThat(response.lines().count()).isPositive();
        }
      }
    }
  }

  /** A client that keeps its connection reads the 413, and the same connection serves its next request. */
  @Test
  void keepsTheConnectionOfARefusedUploadForTheNextRequest() throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      BufferedReader response = upload(socket, 5 * 1024 * 1024, false, "keep-alive");
      List<String> headers = assertTooLarge(response, "5 MB, keep-alive");
      int length = headers.stream().filter(line -> line.startsWith("content-length:"))
          .map(line -> Integer.parseInt(line.substring("content-length:".length()).trim())).findFirst().orElseThrow();
      response.skip(length);
      socket.getOutputStream().write(("GET /actuator/health HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      assertThat(response.readLine()).startsWith("HTTP/1.1 200");
    }
  }

  /** Writes an oversized draft the way a client that never waits for {@code 100 Continue} does. */
  private BufferedReader upload(Socket socket, int size, boolean chunked, String connection) throws Exception {
    socket.setSoTimeout(30_000);
    String head = "POST /api/agreements HTTP/1.1\r\n"
        + "Host: localhost:" + port + "\r\n"
        + "Authorization: Basic " + Base64.getEncoder().encodeToString("pat:registry".getBytes(StandardCharsets.UTF_8)) + "\r\n"
        + "Content-Type: application/json\r\n"
        + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n")
        + "Connection: " + connection + "\r\n"
        + "\r\n";
    var out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'x');
    for (int sent = 0; sent < size; sent += chunk.length) {
      int n = Math.min(chunk.length, size - sent);
      if (chunked) {
        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      }
      out.write(chunk, 0, n);
      if (chunked) {
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
    }
    if (chunked) {
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.flush();
    return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
  }

  /** The status line says 413 and the headers a problem+json; returns the headers, lower case. */
  private static List<String> assertTooLarge(BufferedReader response, String context) throws Exception {
    assertThat(response.readLine()).as(context).startsWith("HTTP/1.1 413");
    List<String> headers = new ArrayList<>();
    for (String line = response.readLine(); line != null && !line.isEmpty(); line = response.readLine()) {
      headers.add(line.toLowerCase(java.util.Locale.ROOT));
    }
    assertThat(headers).as(context).anyMatch(line -> line.startsWith("content-type:") && line.contains("application/problem+json"));
    return headers;
  }

  /** A drafted agreement taken through concurrence and clearance: ready to sign. */
  private String clearedAgreement() {
    Response drafted = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
    String id = drafted.id();
    drafted.json().path("requiredStakeholders").forEach(s -> {
      String office = s.path("office").asText();
      Response concurred = registry().as(TestUsers.stakeholder(StakeholderOffice.valueOf(office)))
          .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence(office, 1));
      assertThat(concurred.status()).as(concurred.toString()).isEqualTo(200);
    });
    registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements/" + id + "/clearance-request", null);
    registry().as(TestUsers.IGP).post("/api/agreements/" + id + "/clearance",
        RegistryClient.JSON.createObjectNode().put("decision", "CLEARED").put("comment", "Cleared."));
    Response cleared = registry().as(TestUsers.OPLA).post("/api/agreements/" + id + "/legal-review",
        RegistryClient.JSON.createObjectNode().put("legallySufficient", true).put("comment", "Legally sufficient."));
    assertThat(cleared.json().path("status").asText()).as(cleared.toString()).isEqualTo("CLEARED");
    return id;
  }

  static void assertBadRequestNaming(Response response, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("type").asText()).startsWith("tag:ice.gov,2026:isaa-registry/problems/");
    assertThat(response.json().path("violations").findValuesAsText("field")).as(response.toString()).contains(field);
    assertThat(response.text()).as("no parser internals in %s", response)
        .doesNotContain("com.fasterxml").doesNotContain("java.lang").doesNotContain("Cannot deserialize").doesNotContain("line: ");
  }
}
