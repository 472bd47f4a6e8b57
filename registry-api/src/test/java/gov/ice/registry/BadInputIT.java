package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Invalid requests: each is a 4xx problem+json naming what is wrong, and none stores anything
 * (counted in the event table itself, not through the API that refused).
 */
class BadInputIT extends H2Registry {

  @Autowired
  DataSource dataSource;

  private long storedEvents() {
    return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
  }

  private Response draftWith(Object body) {
    return registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", body);
  }

  @Test
  void refusesMalformedJson() {
    long before = storedEvents();
    Response syntaxError = draftWith("{\"title\": \"x\",, \"kind\": MOU}");
    assertProblem(syntaxError, 400);
    assertThat(syntaxError.json().path("type").asText()).endsWith("/malformed-json");
    Response truncated = draftWith("{\"title\": \"unterminated");
    assertProblem(truncated, 400);
    Response duplicateKey = draftWith(AgreementBodies.draft().toString().replaceFirst("\\{", "{\"kind\": \"MOA\", "));
    assertProblem(duplicateKey, 400);
    Response trailing = draftWith(AgreementBodies.draft() + " {\"title\": \"second\"}");
    assertProblem(trailing, 400);
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void refusesAWrongTypeNamingTheField() {
    long before = storedEvents();
    ObjectNode draft = AgreementBodies.draft();
    ((ObjectNode) draft.path("terms")).put("terminationNoticeDays", "thirty");
    Response response = draftWith(draft);
    assertProblem(response, 400);
    assertThat(response.json().path("violations").get(0).path("field").asText()).isEqualTo("terms.terminationNoticeDays");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void refusesAnUnknownEnumValueNamingTheFieldAndTheValues() {
    long before = storedEvents();
    ObjectNode draft = AgreementBodies.draft();
    ((ObjectNode) draft.path("parties").get(0)).put("kind", "GALACTIC_EMPIRE");
    Response response = draftWith(draft);
    assertProblem(response, 400);
    assertThat(response.json().path("violations").get(0).path("field").asText()).isEqualTo("parties[0].kind");
    assertThat(response.json().path("violations").get(0).path("message").asText()).contains("FOREIGN_GOVERNMENT");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void refusesAnUnknownFieldSuchAsAnActor() {
    long before = storedEvents();
    ObjectNode draft = AgreementBodies.draft();
    draft.putObject("actor").put("username", "dora");
    Response response = draftWith(draft);
    assertProblem(response, 400);
    assertThat(response.json().path("violations").get(0).path("field").asText()).isEqualTo("actor");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void refusesMissingRequiredFieldsListingEach() {
    long before = storedEvents();
    ObjectNode draft = AgreementBodies.draft();
    draft.remove("title");
    draft.remove("kind");
    draft.putArray("parties");
    Response response = draftWith(draft);
    assertProblem(response, 400);
    assertThat(response.json().path("violations").findValuesAsText("field")).contains("title", "kind", "parties");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void refusesAnInvalidCommandOnAnExistingAgreementAndStoresNothing() {
    String id = draftWith(AgreementBodies.draft()).id();
    long before = storedEvents();
    ObjectNode concurrence = AgreementBodies.concurrence("IGP", 1).put("decision", "MAYBE");
    Response wrongEnum = registry().as(TestUsers.stakeholder(gov.ice.registry.agreement.api.StakeholderOffice.IGP))
        .post("/api/agreements/" + id + "/concurrences", concurrence);
    assertProblem(wrongEnum, 400);
    Response noBody = registry().as(TestUsers.IGP).post("/api/agreements/" + id + "/clearance", null);
    assertProblem(noBody, 400);
    Response badIfMatch = registry().as(TestUsers.PROGRAM_OFFICE).ifMatch("yesterday")
        .post("/api/agreements/" + id + "/clearance-request", null);
    assertProblem(badIfMatch, 400);
    assertThat(storedEvents()).isEqualTo(before);
    assertThat(registry().as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history").json().size()).isEqualTo(1);
  }

  @Test
  void refusesAnOversizedBodyFromItsLengthBeforeReadingIt() throws Exception {
    long before = storedEvents();
    // Only the head goes out, announcing 300 KiB: the answer must come without a byte of body.
    assertRefusedAsTooLarge(rawDraft("Content-Length: " + (300 * 1024)), List.of());
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void refusesAnOversizedChunkedBodyWithoutALength() throws Exception {
    long before = storedEvents();
    // Chunks of JSON past the 256 KiB limit, and then nothing more: the server must refuse from
    // what it has read.
    String chunk = "x".repeat(16 * 1024);
    List<String> chunks = Stream.concat(Stream.of("{\"title\": \""), Stream.generate(() -> chunk).limit(17))
        .map(data -> Integer.toHexString(data.length()) + "\r\n" + data + "\r\n")
        .toList();
    assertRefusedAsTooLarge(rawDraft("Transfer-Encoding: chunked"), chunks);
    assertThat(storedEvents()).isEqualTo(before);
  }

  /** The head of a draft request by the program office, with the one header that sizes its body. */
  private String rawDraft(String sizing) {
    return "POST /api/agreements HTTP/1.1\r\n"
        + "Host: localhost:" + port + "\r\n"
        + "Authorization: Basic " + Base64.getEncoder().encodeToString("pat:registry".getBytes(StandardCharsets.UTF_8)) + "\r\n"
        + "Content-Type: application/json\r\n"
        + sizing + "\r\n"
        + "\r\n";
  }

  /**
   * Sends the head and the given body parts over a plain socket, then stops writing and reads
   * the answer. A client that keeps writing races the server's close and may lose the 413 to a
   * connection reset, which is why these requests do not go through an HTTP client.
   */
  private void assertRefusedAsTooLarge(String head, List<String> bodyParts) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      var out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      for (String part : bodyParts) {
        out.write(part.getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
      BufferedReader response = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      assertThat(response.readLine()).startsWith("HTTP/1.1 413");
      String contentType = response.lines().takeWhile(line -> !line.isEmpty())
          .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
          .findFirst().orElse("");
      assertThat(contentType).contains("application/problem+json");
    }
  }



  @Test
  void answersProblemsForAnAgreementIdThatIsNotOne() {
    Response response = registry().as(TestUsers.AUDITOR).get("/api/agreements/not-a-uuid");
    assertProblem(response, 404);
  }

  private static void assertProblem(Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("type").asText()).startsWith("tag:ice.gov,2026:isaa-registry/problems/");
    assertThat(response.json().path("title").asText()).isNotBlank();
    assertThat(response.json().path("status").asInt()).isEqualTo(status);
    assertThat(response.json().has("detail")).isTrue();
  }

  @Test
  void aMethodThePathDoesNotTakeIs405WithAllowAndAProblem() {
    String id = draftWith(AgreementBodies.draft()).id();
    // RegistryClient's contract check also requires the Allow header and the problem body of a 405.
    Response deleted = registry().as(TestUsers.AUDITOR).send("DELETE", "/api/agreements/" + id, null);
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(405);
    assertThat(deleted.header("Allow")).as("RFC 9110 15.5.6: a 405 names the methods the path takes").hasValueSatisfying(
        allow -> assertThat(allow).contains("GET"));
    assertThat(deleted.contentType()).startsWith("application/problem+json");
  }
}
