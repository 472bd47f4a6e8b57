package gov.ice.registry.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.MissingNode;
import gov.ice.registry.support.RegistryClient.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response validator finds what the ITs rely on it to find, against the committed document. */
class OpenApiResponsesTest {

  private static final OpenApiResponses CONTRACT = OpenApiResponses.committed();
  private static final String ID = "463b89dd-0120-41d6-88dd-d0ef9f4ee5dd";
  private static final String PROBLEM = "{\"type\":\"tag:ice.gov,2026:isaa-registry/problems/unknown-agreement\","
      + "\"title\":\"Unknown agreement\",\"status\":404,\"instance\":\"/api/agreements/" + ID + "\"}";

  private static Response answer(int status, String contentType, String body, Map<String, List<String>> more) {
    Map<String, List<String>> headers = new java.util.HashMap<>(more);
    if (contentType != null) {
      headers.put("Content-Type", List.of(contentType));
    }
    return new Response(status, headers, body, MissingNode.getInstance());
  }

  private static Response answer(int status, String contentType, String body) {
    return answer(status, contentType, body, Map.of());
  }

  @Test
  void acceptsAProblemWithARelativeInstanceWhereItsStatusIsDeclared() {
    assertThat(CONTRACT.violation("GET", "/api/agreements/" + ID + "?asOf=2026-01-01T00:00:00Z",
        answer(404, "application/problem+json", PROBLEM))).isEmpty();
  }

  @Test
  void findsAStatusTheOperationDoesNotDeclare() {
    assertThat(CONTRACT.violation("POST", "/api/ledger/checkpoints", answer(200, "application/json", "{}")))
        .hasValueSatisfying(v -> assertThat(v).contains("status 200 is not declared"));
  }

  @Test
  void findsAMediaTypeTheResponseDoesNotDeclare() {
    assertThat(CONTRACT.violation("GET", "/api/agreements/" + ID, answer(404, "application/json", PROBLEM)))
        .hasValueSatisfying(v -> assertThat(v).contains("media type application/json is not declared"));
  }

  @Test
  void findsAMissingRequiredPropertyAndANullTheDocumentDoesNotAllow() {
    assertThat(CONTRACT.violation("GET", "/api/agreements/" + ID, answer(200, "application/json", "{\"id\":\"" + ID + "\"}")))
        .hasValueSatisfying(v -> assertThat(v).contains("required property"));
    String problemWithNullTitle = PROBLEM.replace("\"Unknown agreement\"", "null");
    assertThat(CONTRACT.violation("GET", "/api/agreements/" + ID, answer(404, "application/problem+json", problemWithNullTitle)))
        .hasValueSatisfying(v -> assertThat(v).contains("/title"));
  }

  @Test
  void matchesALiteralSegmentBeforeAVariable() {
    // /import is its own operation, not /{id}.
    assertThat(CONTRACT.templateOf("/api/agreements/import")).hasValue("/api/agreements/import");
    assertThat(CONTRACT.templateOf("/api/agreements/" + ID + "/concurrences")).hasValue("/api/agreements/{id}/concurrences");
  }

  @Test
  void findsA405WithoutAllowAndAnUndocumentedApiPath() {
    assertThat(CONTRACT.violation("DELETE", "/api/agreements/" + ID, answer(405, "application/problem+json",
        PROBLEM.replace("404", "405")))).hasValueSatisfying(v -> assertThat(v).contains("Allow"));
    assertThat(CONTRACT.violation("DELETE", "/api/agreements/" + ID, answer(405, "application/problem+json",
        PROBLEM.replace("404", "405"), Map.of("Allow", List.of("GET"))))).isEmpty();
    assertThat(CONTRACT.violation("GET", "/api/not-documented", answer(200, "application/json", "{}")))
        .hasValueSatisfying(v -> assertThat(v).contains("no operation in the document"));
    assertThat(CONTRACT.violation("GET", "/agreements/" + ID, answer(200, "text/html", "<html></html>"))).isEmpty();
  }

  @Test
  void findsAMissingRetryAfterOnA503() {
    String unavailable = PROBLEM.replace("404", "503");
    assertThat(CONTRACT.violation("GET", "/api/agreements", answer(503, "application/problem+json", unavailable)))
        .hasValueSatisfying(v -> assertThat(v).contains("Retry-After"));
    assertThat(CONTRACT.violation("GET", "/api/agreements", answer(503, "application/problem+json", unavailable,
        Map.of("Retry-After", List.of("5"))))).isEmpty();
  }
}
