package gov.ice.registry.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.RegistryProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An auditor can read every security event with the request id the client gave: the packaged
 * registry runs as its own process with its JSON logs (Elastic Common Schema) on the console,
 * which the test reads line by line from the process's output, as a log shipper would. (In the
 * test JVM, another test's open application context keeps logging configured as it was, so an
 * in-process registry could not switch the console to JSON.)
 */
class SecurityEventsIT {

  @TempDir
  static Path dir;

  static RegistryProcess registry;
  static Path log;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    Path users = dir.resolve("users.yml");
    Files.writeString(users, """
        users:
          - username: pat
            password: "{noop}registry"
            roles: [PROGRAM_OFFICE]
          - username: audrey
            password: "{noop}registry"
            roles: [AUDITOR]
          - username: ada
            password: "{noop}registry"
            roles: [ADMIN]
          - username: tom
            password: "{noop}registry"
            roles: [AUDITOR]
        """);
    log = dir.resolve("registry.log");
    registry = RegistryProcess.start(Map.of(
        "REGISTRY_DATA_DIR", dir.resolve("data").toString(),
        "REGISTRY_USERS_FILE", users.toString(),
        "REGISTRY_SIGN_IN_MAX_FAILURES_PER_USER", "2",
        "REGISTRY_SIGN_IN_FIRST_DELAY", "60s",
        "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"), log);
    port = registry.port();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    registry.close();
  }

  /** What the registry has written to its console so far. */
  static String console() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Response basic(String user, String password, String requestId, String method, String path) {
    RegistryClient.Request request = new RegistryClient(port).anonymous()
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    if (requestId != null) {
      request = request.header("X-Request-Id", requestId);
    }
    return request.send(method, path, null);
  }

  /** The JSON log lines of one request, once its access line is written (it is the last). */
  static List<JsonNode> linesOf(String requestId) {
    List<JsonNode> lines = new ArrayList<>();
    await("the access line of " + requestId).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
      lines.clear();
      for (String line : console().split("\\R")) {
        if (line.startsWith("{") && line.contains(requestId)) {
          JsonNode json = RegistryClient.JSON.readTree(line);
          if (requestId.equals(json.path("request").path("id").asText())) {
            lines.add(json);
          }
        }
      }
      return lines.stream().anyMatch(l -> "gov.ice.registry.access".equals(l.path("log").path("logger").asText()));
    });
    return lines;
  }

  static JsonNode event(List<JsonNode> lines, String action) {
    return lines.stream()
        .filter(l -> "gov.ice.registry.security.events".equals(l.path("log").path("logger").asText()))
        .filter(l -> action.equals(l.path("event").path("action").asText()))
        .findFirst().orElseThrow(() -> new AssertionError("no " + action + " event in " + lines));
  }

  static JsonNode access(List<JsonNode> lines) {
    return lines.stream().filter(l -> "gov.ice.registry.access".equals(l.path("log").path("logger").asText())).findFirst().orElseThrow();
  }

  static void carriesTheId(Response response, String requestId) {
    assertThat(response.header("X-Request-Id")).contains(requestId);
    if (response.contentType() != null && response.contentType().startsWith("application/problem+json")) {
      assertThat(response.json().path("requestId").asText()).as(response.toString()).isEqualTo(requestId);
    }
  }

  @Test
  void recordsAFailedSignInWithTheClientsRequestIdAndTheServiceVersion() {
    Response failed = basic("pat", "wrong", "it-failed-sign-in", "GET", "/api/agreements");
    assertThat(failed.status()).isEqualTo(401);
    carriesTheId(failed, "it-failed-sign-in");
    List<JsonNode> lines = linesOf("it-failed-sign-in");
    JsonNode signIn = event(lines, "sign-in");
    assertThat(signIn.path("event").path("outcome").asText()).isEqualTo("failure");
    assertThat(signIn.path("event").path("reason").asText()).isEqualTo("wrong password");
    assertThat(signIn.path("user").path("name").asText()).isEqualTo("pat");
    assertThat(signIn.path("client").path("ip").asText()).isEqualTo("127.0.0.1");
    assertThat(signIn.path("service").path("name").asText()).isEqualTo("isaa-registry");
    assertThat(signIn.path("service").path("version").asText()).isNotBlank();
    assertThat(signIn.toString()).doesNotContain("wrong\"");
    assertThat(event(lines, "access-refused").path("http").path("response").path("status_code").asInt()).isEqualTo(401);
    JsonNode access = access(lines);
    assertThat(access.path("http").path("request").path("method").asText()).isEqualTo("GET");
    assertThat(access.path("url").path("path").asText()).isEqualTo("/api/agreements");
    assertThat(access.path("event").path("duration").asLong()).isNotNegative();
  }

  @Test
  void recordsTheThrottlesDecision() {
    assertThat(basic("tom", "guess-1", null, "GET", "/api/agreements").status()).isEqualTo(401);
    assertThat(basic("tom", "guess-2", null, "GET", "/api/agreements").status()).isEqualTo(401);
    Response throttled = basic("tom", "registry", "it-throttled", "GET", "/api/agreements");
    assertThat(throttled.status()).isEqualTo(429);
    carriesTheId(throttled, "it-throttled");
    JsonNode signIn = event(linesOf("it-throttled"), "sign-in");
    assertThat(signIn.path("message").asText()).contains("refused");
    assertThat(signIn.path("user").path("name").asText()).isEqualTo("tom");
    assertThat(signIn.path("registry").path("throttle").path("basis").asText()).isEqualTo("USER_AND_ADDRESS");
    assertThat(signIn.path("registry").path("throttle").path("retry_after_seconds").asLong()).isBetween(1L, 60L);
  }

  @Test
  void recordsA403AndA404OnAnAgreementWithTheUser() {
    String agreement = UUID.randomUUID().toString();
    Response forbidden = basic("pat", "registry", "it-forbidden", "GET", "/api/agreements/" + agreement + "/history");
    assertThat(forbidden.status()).isEqualTo(403);
    carriesTheId(forbidden, "it-forbidden");
    List<JsonNode> lines = linesOf("it-forbidden");
    assertThat(event(lines, "sign-in").path("event").path("outcome").asText()).isEqualTo("success");
    JsonNode refused = event(lines, "access-refused");
    assertThat(refused.path("user").path("name").asText()).isEqualTo("pat");
    assertThat(refused.path("http").path("response").path("status_code").asInt()).isEqualTo(403);
    assertThat(access(lines).path("user").path("name").asText()).isEqualTo("pat");

    Response unknown = basic("audrey", "registry", "it-not-found", "GET", "/api/agreements/" + agreement);
    assertThat(unknown.status()).isEqualTo(404);
    carriesTheId(unknown, "it-not-found");
    JsonNode notFound = event(linesOf("it-not-found"), "access-refused");
    assertThat(notFound.path("user").path("name").asText()).isEqualTo("audrey");
    assertThat(notFound.path("url").path("path").asText()).isEqualTo("/api/agreements/" + agreement);
  }

  @Test
  void recordsAnAdminRebuild() {
    // A read model rebuilds from a position it has reached: give it an event to reach.
    RegistryClient.Request pat = new RegistryClient(port).anonymous()
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("pat:registry".getBytes(StandardCharsets.UTF_8)));
    assertThat(pat.post("/api/agreements", AgreementBodies.draft()).status()).isEqualTo(201);
    await("the read models to catch up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
      JsonNode all = basic("ada", "registry", null, "GET", "/api/admin/projections").json();
      boolean caughtUp = all.size() > 0;
      for (JsonNode projection : all) {
        caughtUp &= projection.path("caughtUp").asBoolean() && projection.path("position").asLong(-1) >= 0;
      }
      return caughtUp;
    });
    String name = "repository";
    Response rebuild = basic("ada", "registry", "it-rebuild", "POST", "/api/admin/projections/" + name + "/rebuild");
    assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
    carriesTheId(rebuild, "it-rebuild");
    JsonNode admin = event(linesOf("it-rebuild"), "projection-rebuild");
    assertThat(admin.path("user").path("name").asText()).isEqualTo("ada");
    assertThat(admin.path("event").path("outcome").asText()).isEqualTo("success");
    assertThat(admin.path("url").path("path").asText()).isEqualTo("/api/admin/projections/" + name + "/rebuild");
  }

  @Test
  void replacesAMalformedRequestIdAndTakesATraceparentsTraceId() {
    Response malformed = basic("nobody", "wrong", "not ok!<script>", "GET", "/api/agreements");
    String given = malformed.header("X-Request-Id").orElseThrow();
    assertThat(given).isNotEqualTo("not ok!<script>").matches("[0-9a-f-]{36}");
    carriesTheId(malformed, given);
    assertThat(linesOf(given)).isNotEmpty();
    assertThat(console()).doesNotContain("not ok!<script>");

    Response traced = new RegistryClient(port).anonymous()
        .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").get("/api/agreements");
    assertThat(traced.status()).isEqualTo(401);
    carriesTheId(traced, "4bf92f3577b34da6a3ce929d0e0e4736");
  }
}
