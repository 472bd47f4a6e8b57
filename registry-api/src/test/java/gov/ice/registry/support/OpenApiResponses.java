package gov.ice.registry.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every answer a test receives, held to the committed OpenAPI document (the file clients are
 * generated from): its status is declared for the operation, its media type is the declared one
 * (never a {@code *}{@code /*} wildcard), its required headers are there, and its body validates
 * against the declared JSON Schema 2020-12 (formats asserted), line by line for JSON lines.
 *
 * <p>Strict where the document speaks: a documented operation, or any path under {@code /api/}
 * (an endpoint missing from the committed document is a violation: refresh the document, see
 * ApiDocumentIT). Pages, sign-in, the actuator and the document itself are not API operations and
 * are not checked. A path under {@code /api/} that no operation has, or a method a path does not
 * take, must still answer a problem (with {@code Allow} for a 405).
 *
 * <p>Each violation is appended to {@code target/openapi-violations.log}; the first one fails the
 * test unless {@code -Dregistry.openapi.validation=report} (to count them all in one run).
 */
public final class OpenApiResponses {

  /** The committed contract, as the build packages it. */
  static final String CONTRACT = "openapi/registry.json";
  private static final String BASE = "urn:isaa-registry:contract";
  private static final Path LOG = Path.of("target", "openapi-violations.log");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OpenApiResponses COMMITTED = new OpenApiResponses();

  private final JsonNode document;
  private final SchemaRegistry schemas;
  private final List<Template> templates = new ArrayList<>();
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

  private record Template(String path, Pattern pattern, int variables) {
  }

  private OpenApiResponses() {
    String text;
    try (InputStream in = OpenApiResponses.class.getClassLoader().getResourceAsStream(CONTRACT)) {
      if (in == null) {
        throw new IllegalStateException(CONTRACT + " is not on the test class path");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      document = JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
        .schemaRegistryConfig(config)
        .schemas(Map.of(BASE, text)));
    document.path("paths").fieldNames().forEachRemaining(path -> {
      String[] parts = path.split("\\{[^}/]+}", -1);
      StringBuilder regex = new StringBuilder();
      for (int i = 0; i < parts.length; i++) {
        regex.append(Pattern.quote(parts[i]));
        if (i < parts.length - 1) {
          regex.append("[^/]+");
        }
      }
      templates.add(new Template(path, Pattern.compile(regex.toString()), parts.length - 1));
    });
    // A literal segment wins over a variable: /api/agreements/import is not /api/agreements/{id}.
    templates.sort(Comparator.comparingInt(Template::variables));
  }

  /** The committed contract's checker, shared by every client in the test JVM. */
  public static OpenApiResponses committed() {
    return COMMITTED;
  }

  /** Fails (or, when reporting, logs) the first way this answer departs from the document. */
  public void check(String method, String target, RegistryClient.Response response) {
    Optional<String> violation = violation(method, target, response);
    if (violation.isEmpty()) {
      return;
    }
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    String line = method + " " + templateOf(path).orElse(path) + " -> " + response.status() + ": " + violation.get();
    try {
      Files.createDirectories(LOG.getParent());
      Files.writeString(LOG, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // The log is for counting; the assertion below still reports the violation.
    }
    if (!"report".equals(System.getProperty("registry.openapi.validation"))) {
      String body = response.text() == null ? "" : response.text();
      throw new AssertionError("The answer departs from the committed OpenAPI document (" + CONTRACT + "): " + line
          + "\n  body: " + (body.length() > 600 ? body.substring(0, 600) + "..." : body));
    }
  }

  /**
   * Fails (or, when reporting, logs) where {@code json} is not a valid {@code schema} of the
   * document: for JSON the pages serve outside {@code /api} that is one of the document's schemas
   * (a page's evidence download is the {@code EvidenceBundle} of the API's evidence).
   */
  public void checkBody(String schema, String where, String json) {
    Optional<String> violation = validate("/components/schemas/" + schema, json, "");
    if (violation.isEmpty()) {
      return;
    }
    String line = where + " as " + schema + ": " + violation.get();
    try {
      Files.createDirectories(LOG.getParent());
      Files.writeString(LOG, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // The log is for counting; the assertion below still reports the violation.
    }
    if (!"report".equals(System.getProperty("registry.openapi.validation"))) {
      throw new AssertionError("The body departs from the committed OpenAPI document (" + CONTRACT + "): " + line);
    }
  }

  /** The first departure of the answer from the document, if any. */
  Optional<String> violation(String method, String target, RegistryClient.Response response) {
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    Optional<String> template = templateOf(path);
    if (template.isEmpty()) {
      if (!path.startsWith("/api/")) {
        return Optional.empty();
      }
      if (response.status() == 404 || response.status() == 401) {
        return problem(response);
      }
      return Optional.of("no operation in the document for " + path + " (refresh the committed document: see ApiDocumentIT.REFRESH)");
    }
    JsonNode item = document.path("paths").path(template.get());
    JsonNode operation = item.path(method.toLowerCase(Locale.ROOT));
    if (operation.isMissingNode()) {
      if (response.status() == 405) {
        if (response.header("Allow").isEmpty()) {
          return Optional.of("405 without an Allow header");
        }
        return problem(response);
      }
      if (response.status() == 401) {
        return problem(response);
      }
      return Optional.of("the document has no " + method + " for " + template.get() + ", yet it answered " + response.status());
    }
    String status = String.valueOf(response.status());
    JsonNode responses = operation.path("responses");
    String key = responses.has(status) ? status : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX" : "default";
    if (!responses.has(key)) {
      return Optional.of("status " + status + " is not declared (declared: " + names(responses) + ")");
    }
    String pointer = "/paths/" + escape(template.get()) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + key;
    JsonNode declared = responses.path(key);
    declared = resolve(declared);
    for (Iterator<Map.Entry<String, JsonNode>> headers = declared.path("headers").fields(); headers.hasNext(); ) {
      Map.Entry<String, JsonNode> header = headers.next();
      if (resolve(header.getValue()).path("required").asBoolean(false) && response.header(header.getKey()).isEmpty()) {
        return Optional.of("the required header " + header.getKey() + " is missing");
      }
    }
    JsonNode content = declared.path("content");
    boolean hasBody = response.text() != null && !response.text().isEmpty();
    if (!hasBody) {
      return content.isMissingNode() || content.isEmpty() || method.equals("HEAD")
          ? Optional.empty()
          : Optional.of("no body, where the document declares " + names(content));
    }
    if (content.isMissingNode() || content.isEmpty()) {
      return Optional.of("a body (" + response.contentType() + "), where the document declares none");
    }
    String mediaType = response.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (!content.has(mediaType)) {
      return Optional.of("media type " + (mediaType.isEmpty() ? "(none)" : mediaType) + " is not declared (declared: " + names(content) + ")");
    }
    if (!content.path(mediaType).has("schema")) {
      return Optional.empty();
    }
    String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
    if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
      return validate(schemaPointer, response.text(), "");
    }
    if (mediaType.equals("application/x-ndjson")) {
      String[] lines = response.text().split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          Optional<String> wrong = validate(schemaPointer, lines[i], "line " + (i + 1) + ": ");
          if (wrong.isPresent()) {
            return wrong;
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The document's operation path for a request path, if it has one. */
  Optional<String> templateOf(String path) {
    return templates.stream().filter(t -> t.pattern().matcher(path).matches()).map(Template::path).findFirst();
  }

  private Optional<String> problem(RegistryClient.Response response) {
    String mediaType = response.contentType().split(";")[0].trim();
    if (!mediaType.equals("application/problem+json")) {
      return Optional.of("a " + response.status() + " that is not application/problem+json but " + mediaType);
    }
    return validate("/components/schemas/Problem", response.text(), "");
  }

  private Optional<String> validate(String pointer, String json, String where) {
    Schema schema = compiled.computeIfAbsent(pointer, p -> schemas.getSchema(SchemaLocation.of(BASE + "#" + fragment(p))));
    List<Error> errors;
    try {
      errors = schema.validate(json, InputFormat.JSON);
    } catch (RuntimeException e) {
      return Optional.of(where + "the body is not JSON: " + e.getMessage());
    }
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    Error first = errors.get(0);
    return Optional.of(where + first.getInstanceLocation() + " " + first.getMessage() + " (schema " + first.getSchemaLocation() + ")"
        + (errors.size() > 1 ? " and " + (errors.size() - 1) + " more" : ""));
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode at = node;
    while (at.has("$ref") && at.path("$ref").asText().startsWith("#/")) {
      at = document.at(at.path("$ref").asText().substring(1));
    }
    return at;
  }

  private static String names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return String.join(", ", names);
  }

  /** A JSON pointer token (RFC 6901). */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** A JSON pointer as a URI fragment (RFC 6901 section 6). */
  private static String fragment(String pointer) {
    return pointer.replace("{", "%7B").replace("}", "%7D").replace("*", "%2A").replace("+", "%2B");
  }
}
