package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document describes the endpoints as they behave, for clients generated from it. */
class ApiDocumentIT extends H2Registry {

  private JsonNode document() {
    // The first request builds the document, which takes a while on a loaded machine.
    Response response = registry().as(TestUsers.AUDITOR).timeout(Duration.ofMinutes(2)).get("/v3/api-docs");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  @Test
  void namesItselfAndItsSecuritySchemes() {
    JsonNode api = document();
    assertThat(api.path("openapi").asText()).startsWith("3.1");
    assertThat(api.path("info").path("title").asText()).isNotBlank();
    assertThat(api.path("info").path("description").asText()).isNotBlank();
    assertThat(api.path("info").path("license").path("name").asText()).isNotBlank();
    assertThat(api.path("components").path("securitySchemes").path("basic").path("scheme").asText()).isEqualTo("basic");
    assertThat(api.path("components").path("securitySchemes").path("bearer").path("scheme").asText()).isEqualTo("bearer");
  }

  @Test
  void queryParametersAreTypedByNameNotOneMultiValueMap() {
    JsonNode api = document();
    assertThat(api.toString()).doesNotContain("MultiValueMap");
    JsonNode search = api.path("paths").path("/api/agreements").path("get");
    List<String> names = new ArrayList<>();
    search.path("parameters").forEach(p -> names.add(p.path("name").asText()));
    assertThat(names).contains("status", "kind", "category", "partyKind", "country", "directorate", "pii", "q", "page", "size", "sort")
        .doesNotContain("parameters");
    search.path("parameters").forEach(p -> {
      if (p.path("name").asText().equals("size")) {
        assertThat(p.path("schema").path("type").toString()).contains("integer");
        assertThat(p.path("schema").path("default").asText()).isEqualTo("20");
      }
      if (p.path("name").asText().equals("status")) {
        assertThat(p.path("schema").path("items").toString()).contains("ACTIVE");
      }
    });
    List<String> noticeParameters = new ArrayList<>();
    api.path("paths").path("/api/notices").path("get").path("parameters").forEach(p -> noticeParameters.add(p.path("name").asText()));
    assertThat(noticeParameters).containsExactly("since");
  }

  @Test
  void draftingAnswers201WithLocationAndETagAndErrorsAreProblems() {
    JsonNode draft = document().path("paths").path("/api/agreements").path("post").path("responses");
    assertThat(draft.has("201")).isTrue();
    assertThat(draft.has("200")).isFalse();
    assertThat(draft.path("201").path("headers").has("Location")).isTrue();
    assertThat(draft.path("201").path("headers").has("ETag")).isTrue();
    for (String status : List.of("400", "401", "403", "409", "413", "503")) {
      assertThat(draft.path(status).path("content").has("application/problem+json")).as(status).isTrue();
    }
    assertThat(document().path("paths").path("/api/agreements/imports").path("post").isObject()).isTrue();
  }
}
