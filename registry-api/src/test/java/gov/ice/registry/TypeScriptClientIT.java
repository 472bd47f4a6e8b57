package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.support.StrictRegistry;
import gov.ice.registry.support.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A second client language: {@code clients/typescript} generates types from the committed
 * contract with openapi-typescript, compiles its check with {@code tsc --strict} (no casts, no
 * non-null assertions), and runs it with openapi-fetch against this registry: the lifecycle, a
 * filtered search that reads its own write by {@code X-Registry-Position}, the evidence bundle,
 * and one problem per error status it can provoke (428, 429 and 503 from a {@link StrictRegistry}
 * of its own). npm installs exactly the lock file's versions
 * into that directory ({@code npm ci}); nothing is installed globally.
 */
class TypeScriptClientIT extends H2Registry {

  /** The client's directory, relative to the module (failsafe runs in registry-api). */
  static final Path CLIENT = Path.of("..", "clients", "typescript");

  @Test
  void aStrictTypeScriptClientRunsTheLifecycleSearchEvidenceAndProblems() throws Exception {
    Path logs = Files.createDirectories(Path.of("target", "typescript-client"));
    run(List.of("npm", "ci", "--no-audit", "--no-fund"), logs.resolve("npm-ci.log"), 8, Map.of());
    run(List.of("npm", "run", "build"), logs.resolve("build.log"), 4, Map.of());
    // What the shared registry never answers (428, 429, 503) comes from a registry of the test's own.
    try (StrictRegistry strict = StrictRegistry.start()) {
      Map<String, String> environment = Map.of(
          "REGISTRY_URL", "http://localhost:" + port,
          "REGISTRY_STRICT_URL", "http://localhost:" + strict.port(),
          "REGISTRY_FAILURES_BEFORE_THROTTLE", Integer.toString(StrictRegistry.FAILURES_BEFORE_THROTTLE),
          "REGISTRY_PASSWORD", TestUsers.passwordOf(TestUsers.PROGRAM_OFFICE),
          "REGISTRY_ADMIN_PASSWORD", TestUsers.passwordOf(TestUsers.ADMIN));
      String output = run(List.of("node", "dist/check.js"), logs.resolve("check.log"), 4, environment);
      assertThat(output).contains("typescript client: 428 and 429 checked")
          .contains("typescript client: lifecycle, search, evidence and problems checked");

      strict.stopStore();
      String outage = run(List.of("node", "dist/check.js", "outage"), logs.resolve("outage.log"), 2, environment);
      assertThat(outage).contains("typescript client: 503 checked");
    }
  }

  /** Runs a step in the client's directory, bounded; a step that fails or hangs fails the test with its output. */
  private static String run(List<String> command, Path log, int minutes, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(Map.of(
        "npm_config_fetch_retries", "4",
        "npm_config_fetch_retry_mintimeout", "2000",
        "npm_config_fetch_retry_maxtimeout", "20000",
        "npm_config_fetch_timeout", "60000",
        "npm_config_update_notifier", "false"));
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError("cannot start " + command.get(0) + " (Node.js 20 and npm are required): " + e.getMessage(), e);
    }
    if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in " + minutes + " minutes: " + tail(log));
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(String.join(" ", command) + " in " + CLIENT + ":\n" + tail(log)).isZero();
    return output;
  }

  private static String tail(Path file) throws IOException {
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
  }
}
