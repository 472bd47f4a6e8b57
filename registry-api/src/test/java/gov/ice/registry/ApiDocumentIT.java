package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document describes the endpoints as they behave, for clients generated from
 * it; it is the committed contract (from which the build generates the client GeneratedClientIT
 * drives), and redocly's recommended rules find no error in it.
 */
class ApiDocumentIT extends H2Registry {

  /** The committed contract, relative to the module (failsafe runs in registry-api). */
  static final Path CONTRACT = Path.of("src/main/resources/openapi/registry.json");
  /** Pinned: a new redocly release may add rules; moving to it is a change of its own. */
  static final String REDOCLY = "@redocly/cli@2.77.0";
  static final String REFRESH = "./mvnw -B verify -pl registry-api -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false "
      + "-Dit.test=ApiDocumentIT -Dfailsafe.failIfNoSpecifiedTests=false -Dregistry.openapi.refresh=true";

  /** How the contract is written: two-space indents, keys sorted, so a diff shows what changed. */
  static final ObjectMapper WRITER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);

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
    // Besides its own filter, a read-model query takes the ledger position to read after (ReadYourWrites).
    assertThat(noticeParameters).containsExactly("since", "after", "X-Registry-Position");
  }

  @Test
  void draftingAnswers201WithLocationAndETagAndErrorsAreProblems() {
    JsonNode draft = document().path("paths").path("/api/agreements").path("post").path("responses");
    assertThat(draft.has("201")).isTrue();
    assertThat(draft.has("200")).isFalse();
    assertThat(draft.path("201").path("headers").has("Location")).isTrue();
    assertThat(draft.path("201").path("headers").has("ETag")).isTrue();
    assertThat(draft.path("201").path("headers").has("X-Registry-Position")).isTrue();
    for (String status : List.of("400", "401", "403", "409", "413", "503")) {
      assertThat(draft.path(status).path("content").has("application/problem+json")).as(status).isTrue();
    }
    assertThat(document().path("paths").path("/api/agreements/imports").path("post").isObject()).isTrue();
  }

  @Test
  void theServedDocumentIsTheCommittedContract() throws IOException {
    JsonNode served = document();
    if (Boolean.getBoolean("registry.openapi.refresh")) {
      Files.createDirectories(CONTRACT.getParent());
      Files.writeString(CONTRACT, WRITER.writeValueAsString(served) + "\n", StandardCharsets.UTF_8);
    }
    assertThat(CONTRACT).as("the committed contract; write it with: " + REFRESH).exists();
    JsonNode committed = WRITER.readTree(CONTRACT.toFile());
    List<String> differences = new ArrayList<>();
    compare("", committed, served, differences);
    assertThat(differences)
        .as("the served OpenAPI document differs from " + CONTRACT + " (committed); if the change is meant, refresh the file with "
            + REFRESH + " and commit it (the generated client is built from it)")
        .isEmpty();
  }

  /** Where two documents differ, as JSON pointers (the first 20). */
  private static void compare(String at, JsonNode expected, JsonNode actual, List<String> differences) {
    if (differences.size() >= 20 || expected.equals(actual)) {
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String pointer = at + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
        if (!actual.has(field.getKey())) {
          differences.add(pointer + ": committed, not served");
        } else {
          compare(pointer, field.getValue(), actual.get(field.getKey()), differences);
        }
      }
      actual.fieldNames().forEachRemaining(name -> {
        if (!expected.has(name) && differences.size() < 20) {
          differences.add(at + "/" + name.replace("~", "~0").replace("/", "~1") + ": served, not committed");
        }
      });
      return;
    }
    if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        compare(at + "/" + i, expected.get(i), actual.get(i), differences);
      }
      return;
    }
    differences.add(at + ": committed " + abbreviated(expected) + ", served " + abbreviated(actual));
  }

  private static String abbreviated(JsonNode node) {
    String text = node.toString();
    return text.length() > 120 ? text.substring(0, 120) + "..." : text;
  }

  /**
   * redocly's recommended rules over the served document, through npx with a pinned version: no
   * error. The first run downloads the CLI (about 30 MB) into npm's cache; every npm step is
   * bounded, and a failure to run it says so rather than passing.
   */
  @Test
  void redoclysRecommendedRulesFindNoError() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "openapi"));
    Path served = dir.resolve("served.json");
    Files.writeString(served, WRITER.writeValueAsString(document()), StandardCharsets.UTF_8);
    Path config = dir.resolve("redocly.yaml");
    Files.writeString(config, "extends:\n  - recommended\n", StandardCharsets.UTF_8);
    Path output = dir.resolve("redocly-lint.json");
    Path errors = dir.resolve("redocly-lint.log");
    ProcessBuilder builder = new ProcessBuilder("npx", "--yes", REDOCLY, "lint", served.toString(), "--config", config.toString(),
        "--format", "json")
        .redirectOutput(output.toFile())
        .redirectError(errors.toFile());
    // Bounded npm: retries with back-off on a flaky network, a timeout per request, no prompts, no telemetry.
    builder.environment().putAll(Map.of(
        "npm_config_fetch_retries", "4",
        "npm_config_fetch_retry_mintimeout", "2000",
        "npm_config_fetch_retry_maxtimeout", "20000",
        "npm_config_fetch_timeout", "60000",
        "npm_config_update_notifier", "false",
        "npm_config_fund", "false",
        "npm_config_audit", "false",
        "REDOCLY_TELEMETRY", "off",
        "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true"));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError("cannot start npx (Node.js 20 and npm are required to lint the contract): " + e.getMessage(), e);
    }
    if (!process.waitFor(6, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("npx " + REDOCLY + " did not finish in 6 minutes (the npm registry unreachable or slow?); "
          + "its output so far: " + tail(errors));
    }
    String json = Files.readString(output, StandardCharsets.UTF_8);
    int start = json.indexOf('{');
    JsonNode report;
    try {
      report = WRITER.readTree(start < 0 ? "" : json.substring(start));
    } catch (IOException e) {
      report = null;
    }
    if (report == null || !report.path("totals").has("errors")) {
      throw new AssertionError("npx " + REDOCLY + " exited " + process.exitValue() + " without a lint report (could npm fetch it?): "
          + tail(errors) + " " + json.substring(0, Math.min(json.length(), 2000)));
    }
    List<String> problems = new ArrayList<>();
    for (JsonNode problem : report.path("problems")) {
      if (problem.path("severity").asText().equals("error")) {
        problems.add(problem.path("ruleId").asText() + " at " + problem.path("location").findValuesAsText("pointer") + ": "
            + problem.path("message").asText());
      }
    }
    assertThat(problems).as("redocly errors in the served document (warnings: " + report.path("totals").path("warnings") + ")")
        .isEmpty();
    assertThat(report.path("totals").path("errors").asInt()).isZero();
  }

  private static String tail(Path file) throws IOException {
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
  }

  @Test
  void everySchemaHasAnExampleAndEveryOperationASummaryAndATagInOneStyle() {
    JsonNode api = document();
    List<String> withoutExample = new ArrayList<>();
    api.path("components").path("schemas").fields().forEachRemaining(schema -> {
      if (!schema.getValue().has("example") && !schema.getValue().has("examples")) {
        withoutExample.add(schema.getKey());
      }
    });
    assertThat(withoutExample).as("schemas without an example").isEmpty();
    List<String> tags = new ArrayList<>();
    List<String> withoutSummary = new ArrayList<>();
    api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
      if (operation.getValue().path("summary").asText().isBlank()) {
        withoutSummary.add(operation.getKey() + " " + path.getKey());
      }
      operation.getValue().path("tags").forEach(tag -> tags.add(tag.asText()));
    }));
    assertThat(withoutSummary).as("operations without a summary").isEmpty();
    assertThat(tags).isNotEmpty().allSatisfy(tag -> assertThat(tag).matches("[A-Z][a-z]+( [a-z]+)*"));
    JsonNode imports = api.path("paths").path("/api/agreements/imports").path("post").path("requestBody").path("content");
    assertThat(imports.has("application/x-ndjson") && imports.has("text/csv")).as(imports.toString()).isTrue();
    assertThat(api.path("servers").get(0).path("url").asText()).isEqualTo("/");
  }
}
