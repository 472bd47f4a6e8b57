package gov.ice.registry.web.contract;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document says beyond what springdoc reads from the endpoints: who the API is,
 * how callers authenticate, the problem+json every error answers with, the 201 of the endpoints
 * that create an agreement, one naming style for tags, a summary for every operation, and an
 * example for every schema.
 *
 * <p>The document is also committed ({@code registry-api/src/main/resources/openapi/registry.json},
 * docs/api.md, "The contract"): a client is generated from that file at build time, and ApiDocumentIT
 * fails when what the server serves differs from it. So the document must not depend on the
 * running instance: its one server is the relative {@code /}, not the port a test happens to use.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

  static final String PROBLEM = "Problem";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

  @Bean
  OpenAPI registryApi() {
    return new OpenAPI()
        .info(new Info()
            .title("ISAA Registry API")
            .version("0.1.0")
            .description("The system of record for ICE's information sharing and access agreements: commands that take an "
                + "agreement from draft to ACTIVE and through its life, each an event in an audit ledger, and queries over "
                + "the central repository, reviews, deadlines, notices and approvals. Errors are RFC 9457 problem details. "
                + "Queries read models that follow the ledger asynchronously (eventually consistent): every command answers "
                + "X-Registry-Position, and a query given it (header X-Registry-Position or ?after=) answers once its read model "
                + "has passed that position, or 503 with Retry-After after a bounded wait. A method a path does not take answers "
                + "405 with Allow (components/responses/MethodNotAllowed).")
            .license(new License().name("Internal use by U.S. Immigration and Customs Enforcement")
                .identifier("LicenseRef-ICE-Internal")))
        .components(new Components()
            .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("The embedded default: a user of the users file"))
            .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("Production: a JWT from the OAuth2/OIDC issuer, with the registry's roles in its roles claim"))
            .addSchemas(PROBLEM, problemSchema()))
        .servers(List.of(new Server().url("/").description("This registry (paths are relative to where it is served)")))
        .tags(TAGS.entrySet().stream().map(t -> new Tag().name(t.getKey()).description(t.getValue())).toList())
        .addSecurityItem(new SecurityRequirement().addList("basic"))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }

  /** The tags, one style (words, capitalised first): springdoc names an untagged controller after its class. */
  private static final Map<String, String> TAGS = new LinkedHashMap<>();
  private static final Map<String, String> CLASS_TAGS = Map.of(
      "agreement-search-endpoint", "Agreement search",
      "review-endpoints", "Reviews",
      "notice-endpoint", "Notices",
      "exigent-deadline-endpoint", "Exigent deadlines",
      "approval-audit-endpoint", "Approvals audit",
      "projection-admin-endpoints", "Administration",
      "notice-admin-endpoint", "Administration");

  static {
    TAGS.put("Agreement commands", "Draft, concur, clear, sign, review, amend, terminate and import agreements: each an event in the ledger");
    TAGS.put("Agreement ledger", "One agreement as the ledger holds it, now or at an instant, and its history");
    TAGS.put("Agreement search", "The central repository: agreements by status, kind, category, party, directorate and text");
    TAGS.put("Reviews", "Biennial reviews overdue and due soon");
    TAGS.put("Notices", "Review-due and exigent-deadline notices the registry issued");
    TAGS.put("Exigent deadlines", "Exigent transfers and their memorialization deadlines");
    TAGS.put("Approvals audit", "Every approval decision: concurrences, clearances, legal reviews, signatures (JSON or CSV)");
    TAGS.put("Ledger integrity", "Verification of the hash-chained ledger, signed checkpoints and evidence bundles");
    TAGS.put("Administration", "Read model status and rebuilds, the notice job (ADMIN)");
  }

  /** Summaries for the operations whose endpoints name none (by operationId). */
  private static final Map<String, String> SUMMARIES = Map.of(
      "search", "Search the central repository, with facets (any authenticated user)",
      "rebuild", "Rebuild a read model from the ledger (ADMIN)",
      "run", "Run the notice job now (ADMIN)",
      "overdue", "Agreements whose biennial review is overdue",
      "due", "Agreements whose biennial review is due within a number of days",
      "notices", "Notices issued since a day",
      "deadlines", "Exigent transfers and their memorialization deadlines",
      "approvals", "Every approval decision, as JSON or CSV (AUDITOR, IGP)",
      "statuses", "Each read model's position, lag and state (ADMIN)");

  @Bean
  @SuppressWarnings("rawtypes")
  OpenApiCustomizer namesAndExamples() {
    return api -> {
      if (api.getPaths() != null) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
          if (operation.getTags() != null) {
            operation.setTags(operation.getTags().stream().map(t -> CLASS_TAGS.getOrDefault(t, t)).distinct().toList());
          }
          if ((operation.getSummary() == null || operation.getSummary().isBlank()) && operation.getOperationId() != null) {
            operation.setSummary(SUMMARIES.get(operation.getOperationId()));
          }
          csvAsText(operation);
        }));
      }
      if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        // The hand-written ones first: the generated examples of the schemas that hold them reuse them.
        schemas.forEach((name, schema) -> {
          if (SchemaExamples.known(name) != null) {
            schema.setExample(SchemaExamples.known(name));
          }
        });
        schemas.forEach((name, schema) -> {
          if (schema.getExample() == null) {
            schema.setExample(SchemaExamples.of(schema, schemas, 0));
          }
        });
      }
    };
  }

  /** springdoc reads a Flux of CSV lines as {@code *}{@code /*} strings; the endpoint answers text/csv with one document. */
  private static void csvAsText(Operation operation) {
    if ("records".equals(operation.getOperationId())) {
      // The access log's listing answers format=csv as text/csv from a String body springdoc reads as JSON only.
      ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
      if (ok != null && ok.getContent() != null && !ok.getContent().containsKey("text/csv")) {
        ok.getContent().addMediaType("text/csv", new MediaType().schema(new StringSchema()
            .description("RFC 4180 CSV with a header row: one access record a line")));
      }
      return;
    }
    if (!"approvals".equals(operation.getOperationId())) {
      return;
    }
    ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
    if (ok == null || ok.getContent() == null || !ok.getContent().containsKey("*/*") || !ok.getContent().containsKey("application/json")) {
      return;
    }
    ok.getContent().remove("*/*");
    ok.getContent().addMediaType("text/csv", new MediaType().schema(new StringSchema()
        .description("RFC 4180 CSV with a header row and a UTF-8 byte order mark; cells a spreadsheet would read as a formula are neutralised")));
  }

  @Bean
  OpenApiCustomizer problemsAndCreation() {
    return api -> {
      if (api.getPaths() == null) {
        return;
      }
      api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean command = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT;
        problem(responses, "400", "Malformed or invalid input; `violations` names each field");
        problem(responses, "401", "Not authenticated");
        problem(responses, "403", "Not allowed for this user's role or office");
        if (path.contains("{")) {
          problem(responses, "404", "No such agreement (or resource)");
        }
        if (command) {
          problem(responses, "409", "A lifecycle rule refuses the action (`rules` names them), or a concurrent change");
          problem(responses, "413", "Body too large");
          problem(responses, "415", "The body is not UTF-8 (it declares another charset, or starts as UTF-16 or UTF-32 does), "
              + "or not of a media type the endpoint takes");
        }
        if ("/api/agreements/{id}/evidence".equals(path)) {
          problem(responses, "409", "The ledger does not verify, so no bundle can be proved (a checkpoint cannot be signed, or leaves "
              + "are missing from the leaf log): `broken` names the entry");
        }
        problem(responses, "503", "The store is unavailable; retry after Retry-After seconds");
        if (method == PathItem.HttpMethod.POST && ("/api/agreements".equals(path) || "/api/agreements/import".equals(path))) {
          created(operation, "/api/agreements".equals(path));
        }
      }));
    };
  }

  /** A draft always creates; an import answers 200 for a reference imported before, or a dry run. */
  private static void created(Operation operation, boolean onlyCreates) {
    ApiResponse ok = operation.getResponses().get("200");
    if (ok == null) {
      return;
    }
    ApiResponse created = new ApiResponse().description("Created: the agreement's summary")
        .content(ok.getContent())
        .headers(Map.of(
            "Location", new Header().description("The new agreement").schema(new StringSchema()),
            "ETag", new Header().description("The agreement's version, for If-Match").schema(new StringSchema())));
    operation.getResponses().addApiResponse("201", created);
    if (onlyCreates) {
      operation.getResponses().remove("200");
    }
  }

  private static void problem(ApiResponses responses, String status, String description) {
    responses.putIfAbsent(status, new ApiResponse().description(description)
        .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema problemSchema() {
    ObjectSchema violation = new ObjectSchema();
    violation.addProperty("field", new StringSchema().description("JSON path of the field or the query parameter"));
    violation.addProperty("message", new StringSchema().description("What is wrong with it"));
    Schema problem = new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty("type", new StringSchema().format("uri").example("https://isaa-registry/problems/invalid-request"))
        .addProperty("title", new StringSchema().example("Invalid request"))
        .addProperty("status", new IntegerSchema().example(400))
        .addProperty("detail", new StringSchema().example("title: must be text (a JSON string)"))
        .addProperty("instance", new StringSchema().format("uri"))
        .addProperty("violations", new ArraySchema().items(violation))
        .addProperty("rules", new ArraySchema().items(new StringSchema()).description("Handbook rule ids behind a refusal, e.g. S3"))
        .addProperty("code", new StringSchema().description("The refusal's code, for a 400 or 409 from a lifecycle rule"))
        .addProperty("requestId", new StringSchema().example("4bf92f3577b34da6a3ce929d0e0e4736")
            .description("The request's id, as the X-Request-Id response header gives it: the caller's own X-Request-Id when well formed"
                + " (1 to 64 letters, digits, '.', '_', '-'), else the trace id of a W3C traceparent, else a new one. The logs carry it."));
    return problem;
  }
}
