package gov.ice.registry.web.contract;

import gov.ice.registry.web.problem.Problems;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The document tells the truth about the answers (docs/contract.md): one place that states, for
 * every operation, what the server sends. springdoc runs customizers in no set order (it collects
 * them as a Set), so every rule here gives the same document whether the other customizers
 * ({@link ApiDocument}'s, read-your-writes') ran before or after it.
 *
 * <ul>
 *   <li>Media types: springdoc writes {@code *}{@code /*} for an endpoint that names none; the
 *       server answers {@code application/json}.
 *   <li>Nullability (docs/decisions/0150): every property of an answer is always present
 *       (Jackson writes nulls), so every one is {@code required}; those that can be null have the
 *       type {@code [T, "null"]} (listed in {@link #NULLABLE}); the few the server leaves out when
 *       they are null ({@code @JsonInclude(NON_NULL)}) are in {@link #OMITTED}, not required and
 *       never null.
 *   <li>Patterns are anchored ({@code ^...$}): JSON Schema patterns match anywhere, Bean
 *       Validation's the whole value.
 *   <li>The statuses HTTP itself adds: 406 (Accept), 412 and 428 (If-Match), 414 and 431 (request line
 *       and headers too large), 429 (sign-in throttling) and 503 with {@code Retry-After}; 404
 *       where an agreement or checkpoint is named; 201 for a checkpoint.
 *   <li>Problem details as RFC 9457 has them: {@code instance} a URI reference, {@code type} under
 *       the configured base.
 *   <li>The evidence bundle as the object it is.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ApiContract {

  private static final String JSON = "application/json";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String PROBLEM_REF = "#/components/schemas/" + ApiDocument.PROBLEM;
  private static final List<String> DOCUMENT_TYPES = List.of("application/pdf",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.oasis.opendocument.text", "text/plain");
  private static final String IF_MATCH = "The agreement's ETag as its last answer gave it (\"7\"), or *: the command runs only on that "
      + "version, else 412. Optional unless the registry runs with REGISTRY_API_IF_MATCH=required, where a command without it answers 428.";

  /** Properties of answers that can be null, by schema. Everything else in an answer is present and not null. */
  static final Map<String, Set<String>> NULLABLE = Map.ofEntries(
      Map.entry("AgreementSearchItem", Set.of("scope", "marking", "purpose", "exemptionNumber", "executedOn", "effectiveDate",
          "terminationDate", "lastReviewedOn", "nextReviewDue", "externalReference")),
      Map.entry("AgreementView", Set.of("scope", "exemption", "openDispute", "legallySufficient", "executedOn", "effectiveDate",
          "lastReviewedOn", "nextReviewDue", "termination", "externalReference")),
      Map.entry("Approval", Set.of("decision", "office", "party", "signatoryName", "actorDisplayName", "comment", "rules",
          "documentSha256")),
      Map.entry("HandlingView", Set.of("designatedBy")),
      Map.entry("WorkEntry", Set.of("authority", "office")),
      Map.entry("Obligation", Set.of("citation")),
      Map.entry("TimelineHolding", Set.of("to")),
      Map.entry("SharingDecisionItem", Set.of("partner", "outcome")),
      Map.entry("Stage", Set.of("mean", "median", "p75", "p90", "oldestOpen")),
      Map.entry("TimelineStage", Set.of("end", "endDay", "holder", "outcome", "draftVersion", "businessDays", "days")),
      Map.entry("Timeline", Set.of("concurrency")),
      Map.entry("GateView", Set.of("exemption", "effectiveDate", "terminationDate", "marking")),
      Map.entry("PartyView", Set.of("identifier", "kind", "country")),
      Map.entry("LogVerification", Set.of("head", "checkpoint", "broken")),
      Map.entry("BrokenEntry", Set.of("entryId", "sequence")),
      Map.entry("DocumentView", Set.of("attachedByName", "draftVersion", "withdrawal", "textReason")),
      Map.entry("DocumentMatch", Set.of("fileName")),
      Map.entry("Concurrence", Set.of("comment")),
      Map.entry("DataProfile", Set.of("exceptionCitation")),
      Map.entry("Exemption", Set.of("reason", "approvedBy", "parentAgreementId")),
      Map.entry("ExigentDeadline", Set.of("laterMemorializationApprovedBy", "executedOn")),
      Map.entry("ExigentTransfer", Set.of("laterMemorializationApprovedBy")),
      Map.entry("HistoryEntry", Set.of("draftVersion", "previousHash")),
      Map.entry("IssuedNotice", Set.of("dueOn", "daysBeforeDue", "transferredOn", "deadline", "afterBusinessDays", "holder", "step",
          "waitingSince")),
      Map.entry("LedgerVerification", Set.of("head", "checkpoint", "broken")),
      Map.entry("ProjectionStatus", Set.of("position", "lag", "error", "failedAttempts", "failingSince", "lastError", "lastFailureAt")),
      Map.entry("ReviewStanding", Set.of("effectiveDate", "lastReviewedOn", "nextReviewDue", "daysRemaining", "daysOverdue")),
      Map.entry("Reviews", Set.of("within", "page", "size")),
      Map.entry("Notices", Set.of("since")),
      Map.entry("Row", Set.of("id", "externalReference")),
      // An erasure of personal data (docs/ledger.md) nulls signatories' names and contacts' names.
      Map.entry("SignatureRecord", Set.of("authority", "position", "signatoryName")),
      Map.entry("PointOfContact", Set.of("name", "title", "organization", "email", "phone", "party")),
      Map.entry("Approvals", Set.of("page", "size")),
      Map.entry("Party", Set.of("country", "identifier")),
      Map.entry("Terms", Set.of("useAlignment", "routineUse", "authorities", "missionNeeds", "sharingRequirements",
          "thirdPartyConstraints", "dataDescription", "responsibilities", "systems", "safeguards", "retention",
          "classificationMarkings", "dissemination", "auditReporting", "effectiveDate", "terminationDate", "terminationNoticeDays",
          "informationSecurity", "disposition", "permittedPurposes", "channels")),
      Map.entry("Broken", Set.of("agreementId", "sequence")),
      Map.entry("ImportProblem", Set.of("field", "rules")),
      Map.entry("Actor", Set.of("displayName")));

  /**
   * Properties the server leaves out rather than send null ({@code @JsonInclude(NON_NULL)}, or a
   * page's {@code page} and {@code size} when no page was asked for), by schema.
   */
  static final Map<String, Set<String>> OMITTED = Map.of(
      "Approvals", Set.of("page", "size"),
      "Reviews", Set.of("page", "size"),
      "AgreementSummary", Set.of("existingAgreements", "existingAgreementsTotal", "existingAgreementsSearch"),
      "AgreementSearchItem", Set.of("highlight", "matches"),
      "ImportReportEnd", Set.of("interrupted"),
      ApiDocument.PROBLEM, Set.of("detail", "instance", "violations", "rules", "code", "requestId"));

  @Bean
  OpenApiCustomizer contractTellsTheTruth() {
    return api -> {
      if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
        schemas(api);
      }
      if (api.getPaths() != null) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> operation(path, method, operation)));
      }
    };
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void schemas(OpenAPI api) {
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    Set<String> answers = answerSchemas(api);
    schemas.forEach((name, schema) -> {
      anchorPatterns(schema);
      if (!answers.contains(name) || schema.getProperties() == null) {
        return;
      }
      Set<String> nullable = NULLABLE.getOrDefault(name, Set.of());
      Set<String> omitted = OMITTED.getOrDefault(name, Set.of());
      List<String> required = new ArrayList<>();
      Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
      properties.forEach((property, propertySchema) -> {
        if (!omitted.contains(property)) {
          required.add(property);
        }
        if (nullable.contains(property)) {
          properties.put(property, nullable(propertySchema));
        }
      });
      schema.setProperties(properties);
      schema.setRequired(required);
    });
    // Typed ids are written as their raw value (a JSON string), not as an object with a value.
    if (schemas.containsKey("AgreementId")) {
      schemas.put("AgreementId", new StringSchema().format("uuid").description("An agreement's id")
          .example("463b89dd-0120-41d6-88dd-d0ef9f4ee5dd"));
    }
    schemas.put(ApiDocument.PROBLEM, problem(schemas.get(ApiDocument.PROBLEM)));
    schemas.put("EvidenceBundle", evidenceBundle());
    // No operation can declare a method its path lacks: the 405 every path answers for one is a shared response.
    api.getComponents().addResponses("MethodNotAllowed", new ApiResponse()
        .description("The path does not take this method (any path of this document, for a method it lists no operation for); "
            + "Allow names the methods it takes")
        .headers(Map.of("Allow", new Header().required(true).description("The methods the path takes, e.g. GET, POST")
            .schema(new StringSchema())))
        .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
  }

  /** The names of the schemas an answer reaches (requests have their own, *Request, schemas). */
  @SuppressWarnings("rawtypes")
  private static Set<String> answerSchemas(OpenAPI api) {
    Set<String> names = new LinkedHashSet<>();
    List<Object> pending = new ArrayList<>();
    api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
      if (operation.getResponses() != null) {
        operation.getResponses().values().forEach(response -> {
          if (response.getContent() != null) {
            response.getContent().values().forEach(media -> pending.add(media.getSchema()));
          }
        });
      }
    }));
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    while (!pending.isEmpty()) {
      Object next = pending.remove(pending.size() - 1);
      if (!(next instanceof Schema schema)) {
        continue;
      }
      if (schema.get$ref() != null) {
        String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        if (names.add(name)) {
          pending.add(schemas.get(name));
        }
        continue;
      }
      if (schema.getProperties() != null) {
        pending.addAll(schema.getProperties().values());
      }
      pending.add(schema.getItems());
      if (schema.getAdditionalProperties() instanceof Schema more) {
        pending.add(more);
      }
      for (List choices : new List[] {schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
        if (choices != null) {
          pending.addAll(choices);
        }
      }
    }
    return names;
  }

  /** {@code T} or null: a reference or an enum cannot take "null" into its type, so it becomes anyOf. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema nullable(Schema schema) {
    if (schema.get$ref() != null || schema.getEnum() != null) {
      Schema ofNull = new Schema<>();
      ofNull.setTypes(new LinkedHashSet<>(List.of("null")));
      Schema either = new Schema<>().anyOf(List.of(schema, ofNull));
      either.setDescription(schema.getDescription());
      return either;
    }
    Set<String> types = new LinkedHashSet<>();
    if (schema.getTypes() != null) {
      types.addAll(schema.getTypes());
    } else if (schema.getType() != null) {
      types.add(schema.getType());
    }
    types.add("null");
    schema.setTypes(types);
    schema.setType(null);
    return schema;
  }

  /** JSON Schema's {@code pattern} matches anywhere in the value; the server's (Bean Validation) the whole value. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void anchorPatterns(Schema schema) {
    if (schema == null) {
      return;
    }
    String pattern = schema.getPattern();
    if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
      schema.setPattern("^(?:" + pattern + ")$");
    }
    if (schema.getProperties() != null) {
      ((Map<String, Schema>) schema.getProperties()).values().forEach(ApiContract::anchorPatterns);
    }
    anchorPatterns(schema.getItems());
  }

  private static void operation(String path, PathItem.HttpMethod method, Operation operation) {
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      return;
    }
    responses.forEach((status, response) -> {
      // Both: a CSV stream beside the JSON, which ApiDocument's csvAsText makes text/csv (before or after this).
      if (response.getContent() != null && response.getContent().containsKey("*/*") && !response.getContent().containsKey(JSON)) {
        Content content = new Content();
        response.getContent().forEach((type, media) -> content.addMediaType("*/*".equals(type) ? JSON : type, media));
        response.setContent(content);
      }
    });
    if ("/api/ledger/checkpoints".equals(path) && method == PathItem.HttpMethod.POST && responses.containsKey("200")) {
      ApiResponse ok = responses.remove("200");
      responses.addApiResponse("201", ok.description("Recorded: the new checkpoint")
          .headers(withHeader(ok.getHeaders(), "Location", new Header().required(true)
              .description("Where the latest checkpoint is read").schema(new StringSchema().format("uri-reference")))));
    }
    if ("/api/agreements/{id}/documents".equals(path) && method == PathItem.HttpMethod.POST && responses.containsKey("200")) {
      ApiResponse ok = responses.remove("200");
      responses.addApiResponse("201", ok.description("Attached: the document as recorded")
          .headers(withHeader(ok.getHeaders(), "Location", new Header().required(true)
              .description("Where the document's bytes are downloaded").schema(new StringSchema().format("uri-reference")))));
    }
    if ("/api/agreements/{id}/documents/{documentId}".equals(path) && method == PathItem.HttpMethod.GET && responses.get("200") != null) {
      // The stored bytes as they were attached, in the type detected from them (DocumentTypes accepts these four).
      Content bytes = new Content();
      DOCUMENT_TYPES.forEach(type -> bytes.addMediaType(type, new MediaType().schema(new StringSchema().format("binary"))));
      responses.get("200").description("The document's bytes; ETag is their SHA-256").content(bytes);
    }
    if ("/api/agreements/{id}/evidence".equals(path) && responses.get("200") != null) {
      // With include=documents: a ZIP of evidence.json, documents/<sha256> and SHA256SUMS.
      responses.get("200").setContent(new Content().addMediaType(JSON,
          new MediaType().schema(new Schema<>().$ref("#/components/schemas/EvidenceBundle")))
          .addMediaType("application/zip", new MediaType().schema(new StringSchema().format("binary"))));
    }
    boolean namesOne = path.contains("{") || path.endsWith("/latest")
        || (operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> "agreementId".equals(p.getName())));
    if (namesOne) {
      problem(responses, "404", "No such agreement (or resource)");
    }
    if ("/api/agreements/{id}/documents/{documentId}".equals(path)) {
      problem(responses, "410", "The document's content was withdrawn (the problem names who, when and why); its hash and events stay");
    }
    if ("/api/agreements/{id}/documents".equals(path) && responses.get("201") != null) {
      problem(responses, "413", "The file is larger than REGISTRY_DOCUMENTS_MAX_SIZE");
      problem(responses, "415", "The file's type, detected from its content, is not accepted, or differs from the declared one");
    }
    if (operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()))) {
      problem(responses, "412", "If-Match names a version the agreement no longer has, or a weak entity tag (which never matches): "
          + "read the agreement again and retry with its ETag");
      // Only a registry configured so sends it; the document is one for every configuration (docs/decisions/0200).
      problem(responses, "428", "If-Match is missing where this registry requires it (REGISTRY_API_IF_MATCH=required): "
          + "send the agreement's ETag, or *; nothing was recorded");
      operation.getParameters().stream().filter(p -> "If-Match".equalsIgnoreCase(p.getName()) && p.getDescription() == null)
          .forEach(p -> p.setDescription(IF_MATCH));
    }
    // The same text as ApiDocument's, which may not have run yet: Retry-After needs the response.
    problem(responses, "503", "The store is unavailable; retry after Retry-After seconds");
    problem(responses, "406", "The Accept header names no media type this operation answers with");
    // Netty refuses these before any handler runs (OversizedHeaders); any operation can answer them.
    problem(responses, "414", "The request line (the path and query) is longer than the registry accepts");
    problem(responses, "431", "The request's header fields are larger than the registry accepts (a bearer token or cookie that large)");
    problem(responses, "429", "Too many failed sign-ins for this user or from this address; retry after Retry-After seconds");
    retryAfter(responses.get("429"));
    retryAfter(responses.get("503"));
  }

  private static void retryAfter(ApiResponse response) {
    if (response != null) {
      response.setHeaders(withHeader(response.getHeaders(), "Retry-After", new Header().required(true)
          .description("Seconds to wait before trying again").schema(new IntegerSchema().minimum(BigDecimal.ONE))));
    }
  }

  private static Map<String, Header> withHeader(Map<String, Header> headers, String name, Header header) {
    Map<String, Header> all = headers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(headers);
    all.put(name, header);
    return all;
  }

  private static void problem(ApiResponses responses, String status, String description) {
    responses.putIfAbsent(status, new ApiResponse().description(description)
        .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema problem(Schema problem) {
    Map<String, Schema> properties = problem.getProperties();
    properties.put("type", new StringSchema().format("uri")
        .description("The kind of problem: a URI under the configured base (registry.problems.type-base), the slug after it")
        .example(Problems.DEFAULT_TYPE_BASE + "invalid-request"));
    properties.put("status", new IntegerSchema().minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)).example(400));
    properties.put("instance", new StringSchema().format("uri-reference")
        .description("The request's path (a relative reference)").example("/api/agreements"));
    problem.setRequired(List.of("type", "title", "status"));
    problem.setExample(Map.of("type", Problems.DEFAULT_TYPE_BASE + "invalid-request", "title", "Invalid request", "status", 400,
        "detail", "terms.terminationNoticeDays: must be a whole number (a JSON number without a fraction)",
        "instance", "/api/agreements",
        "violations", List.of(Map.of("field", "terms.terminationNoticeDays", "message", "must be a whole number (a JSON number without a fraction)")),
        "requestId", "4bf92f3577b34da6a3ce929d0e0e4736"));
    return problem;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema evidenceBundle() {
    Schema hash = new StringSchema().pattern("^[0-9a-f]{64}$");
    ObjectSchema event = new ObjectSchema();
    event.addProperty("agreementId", new StringSchema());
    event.addProperty("sequence", new IntegerSchema().format("int64"));
    event.addProperty("type", new StringSchema());
    Schema revision = new StringSchema();
    revision.setTypes(new LinkedHashSet<>(List.of("string", "null")));
    revision.setType(null);
    event.addProperty("revision", revision);
    event.addProperty("payload", new ObjectSchema().description("The event's payload as the ledger stored it"));
    event.addProperty("metadata", new ObjectSchema().additionalProperties(new StringSchema())
        .description("The metadata the event's hash covers (the actor among it)"));
    event.setRequired(List.of("agreementId", "sequence", "type", "revision", "payload", "metadata"));
    event.setAdditionalProperties(false);
    ObjectSchema checkpoint = new ObjectSchema();
    checkpoint.addProperty("size", new IntegerSchema().format("int64"));
    checkpoint.addProperty("root", hash);
    checkpoint.addProperty("at", new StringSchema());
    checkpoint.addProperty("signature", new StringSchema());
    checkpoint.addProperty("publicKey", new StringSchema());
    checkpoint.setRequired(List.of("size", "root", "at", "signature", "publicKey"));
    checkpoint.setAdditionalProperties(false);
    ObjectSchema proof = new ObjectSchema();
    proof.addProperty("leafIndex", new IntegerSchema().format("int64"));
    proof.addProperty("treeSize", new IntegerSchema().format("int64"));
    proof.addProperty("path", new ArraySchema().items(hash));
    proof.setRequired(List.of("leafIndex", "treeSize", "path"));
    proof.setAdditionalProperties(false);
    ObjectSchema bundle = new ObjectSchema();
    bundle.description("Everything needed to check one agreement's record offline (docs/ledger.md): its events as stored, "
        + "the latest signed checkpoint, the inclusion proof of its last event, and the key that signed the checkpoint");
    bundle.addProperty("format", new StringSchema()._const("isaa-evidence-bundle/1"));
    bundle.addProperty("agreementId", new StringSchema());
    bundle.addProperty("events", new ArraySchema().items(event));
    bundle.addProperty("checkpoint", checkpoint);
    bundle.addProperty("inclusionProof", proof);
    bundle.addProperty("publicKey", new StringSchema());
    bundle.setRequired(List.of("format", "agreementId", "events", "checkpoint", "inclusionProof", "publicKey"));
    bundle.setAdditionalProperties(false);
    bundle.setExample(Map.of("format", "isaa-evidence-bundle/1", "agreementId", "463b89dd-0120-41d6-88dd-d0ef9f4ee5dd",
        "events", List.of(), "checkpoint", Map.of("size", 1, "root", "9c0f6e1d2b3a49587766554433221100ffeeddccbbaa99887766554433221100",
            "at", "2026-11-22T03:58:04.346Z", "signature", "MEUCIQ...", "publicKey", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE..."),
        "inclusionProof", Map.of("leafIndex", 0, "treeSize", 1, "path", List.of()),
        "publicKey", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE..."));
    return bundle;
  }
}
