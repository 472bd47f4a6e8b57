package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Request bodies are UTF-8 only (415 problem+json otherwise, nothing stored), and every
 * free-text field of a request body has a size limit, refused with a 400 that names the field.
 */
class RequestTextIT extends H2Registry {

  @Autowired
  DataSource dataSource;

  private long storedEvents() {
    return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
  }

  /** A draft posted as {@code bytes} with {@code contentType}, as the program office. */
  private Response postDraft(byte[] bytes, String contentType) throws Exception {
    String basic = Base64.getEncoder().encodeToString((TestUsers.PROGRAM_OFFICE + ":" + TestUsers.passwordOf(TestUsers.PROGRAM_OFFICE))
        .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/agreements")).timeout(Duration.ofSeconds(60))
            .header("Authorization", "Basic " + basic).header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
        HttpResponse.BodyHandlers.ofString());
    return RegistryClient.checked(response);
  }

  private static byte[] draft(Charset charset) throws Exception {
    return RegistryClient.JSON.writeValueAsString(AgreementBodies.draft()).getBytes(charset);
  }

  private static void assertUnsupported(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(415);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("status").asInt()).isEqualTo(415);
    assertThat(response.json().path("detail").asText()).contains("UTF-8");
  }

  @Test
  void refusesABodyThatDeclaresAnotherCharset() throws Exception {
    long before = storedEvents();
    assertUnsupported(postDraft(draft(StandardCharsets.UTF_16), "application/json; charset=UTF-16"));
    assertUnsupported(postDraft(draft(StandardCharsets.ISO_8859_1), "application/json;charset=ISO-8859-1"));
    assertUnsupported(postDraft(draft(StandardCharsets.UTF_8), "application/json; charset=no-such-charset"));
    assertThat(storedEvents()).isEqualTo(before);

    Response utf8 = postDraft(draft(StandardCharsets.UTF_8), "application/json; charset=utf-8");
    assertThat(utf8.status()).as(utf8.toString()).isEqualTo(201);
  }

  @Test
  void refusesAUtf16Or32BodyThatDeclaresNoCharset() throws Exception {
    long before = storedEvents();
    assertUnsupported(postDraft(draft(StandardCharsets.UTF_16LE), "application/json"));
    assertUnsupported(postDraft(draft(StandardCharsets.UTF_16), "application/json"));
    assertUnsupported(postDraft(draft(Charset.forName("UTF-32BE")), "application/json"));
    assertThat(storedEvents()).isEqualTo(before);

    Response utf8 = postDraft(draft(StandardCharsets.UTF_8), "application/json");
    assertThat(utf8.status()).as(utf8.toString()).isEqualTo(201);
  }

  @Test
  void limitsTheErasuresReasonAndRequestReference() {
    String id = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft()).id();
    long before = storedEvents();
    RegistryClient.Request admin = registry().as(TestUsers.ADMIN);
    ObjectNode longReason = RegistryClient.JSON.createObjectNode().put("reason", "r".repeat(20_001)).put("requestReference", "FOIA-2026-1");
    StrictInputIT.assertBadRequestNaming(admin.post("/api/agreements/" + id + "/personal-data/erasure", longReason), "reason");
    ObjectNode longReference = RegistryClient.JSON.createObjectNode().put("reason", "A lawful request.").put("requestReference", "F".repeat(301));
    StrictInputIT.assertBadRequestNaming(admin.post("/api/agreements/" + id + "/personal-data/erasure", longReference), "requestReference");
    ObjectNode twoLines = RegistryClient.JSON.createObjectNode().put("reason", "A lawful request.").put("requestReference", "FOIA\nX-Injected: 1");
    StrictInputIT.assertBadRequestNaming(admin.post("/api/agreements/" + id + "/personal-data/erasure", twoLines), "requestReference");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void limitsEachPartyThatConsentsToAnAmendment() {
    long before = storedEvents();
    ObjectNode amendment = AgreementBodies.amendment();
    amendment.withArray("consentedBy").add("P".repeat(301));
    Response refused = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements/" + UUID.randomUUID() + "/amendments", amendment);
    StrictInputIT.assertBadRequestNaming(refused, "consentedBy[1]");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void namesTheFieldOfEveryOtherOversizedText() {
    RegistryClient.Request office = registry().as(TestUsers.PROGRAM_OFFICE);
    ObjectNode draft = AgreementBodies.draft();
    ((ObjectNode) draft.path("terms")).put("purpose", "p".repeat(20_001));
    ((ObjectNode) draft.path("dataProfile")).put("exceptionCitation", "c".repeat(20_001));
    Response refused = office.post("/api/agreements", draft);
    StrictInputIT.assertBadRequestNaming(refused, "terms.purpose");
    assertThat(refused.json().path("violations").findValuesAsText("field")).contains("dataProfile.exceptionCitation");
    for (JsonNode violation : refused.json().path("violations")) {
      assertThat(violation.path("message").asText()).contains("20000");
    }
    ObjectNode withdrawal = RegistryClient.JSON.createObjectNode().put("reason", "w".repeat(20_001));
    StrictInputIT.assertBadRequestNaming(office.post("/api/agreements/" + UUID.randomUUID() + "/withdrawal", withdrawal), "reason");
  }
}
