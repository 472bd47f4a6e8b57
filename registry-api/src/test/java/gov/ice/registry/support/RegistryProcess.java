package gov.ice.registry.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged registry ({@code java -jar registry-api/target/registry-api-*.jar}) as a separate
 * operating system process, as an operator runs it: so that a test can kill it with SIGKILL.
 */
public final class RegistryProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private RegistryProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the jar with {@code environment} added to the example users and a free port, and waits until it is ready. */
  public static RegistryProcess start(Map<String, String> environment, Path log) throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar", jar().toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
    env.put("SERVER_PORT", Integer.toString(port));
    env.put("REGISTRY_USERS_FILE", TestUsers.usersFile().toString());
    env.putAll(environment);
    RegistryProcess registry = new RegistryProcess(builder.start(), port, log);
    try {
      registry.awaitReady();
    } catch (RuntimeException | Error notReady) {
      // Nobody holds this process yet: left running, it would take the next test's CPU and ports.
      registry.process.destroyForcibly();
      throw notReady;
    }
    return registry;
  }

  public int port() {
    return port;
  }

  public RegistryClient client() {
    return new RegistryClient(port);
  }

  /** SIGKILL: no shutdown hook, no graceful shutdown, no flush. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the registry survived SIGKILL");
    }
  }

  /**
   * SIGTERM, as an orchestrator or {@code docker stop} stops it: the graceful shutdown runs.
   * Waits for the process to end and answers what it logged from the signal on.
   */
  public String stop() throws IOException, InterruptedException {
    long from = Files.size(log);
    process.destroy();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      throw new IllegalStateException("the registry did not stop within 120 s of SIGTERM (log: " + log + ")");
    }
    byte[] all = Files.readAllBytes(log);
    return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private void awaitReady() {
    RegistryClient client = client();
    try {
      await("the registry on port " + port + " to be ready (log: " + log + ")")
          // A generous bound: on a build machine shared by several builds a start has taken 150 s.
          .atMost(Duration.ofSeconds(300))
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(() -> {
            if (!process.isAlive()) {
              throw new AssertionError("the registry exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            return client.anonymous().get("/actuator/health/readiness").status() == 200;
          });
    } catch (ConditionTimeoutException notReady) {
      // An ADMIN sees why: readModels names each read model that holds readiness, and its last error.
      throw new AssertionError(notReady.getMessage() + "; readiness as an ADMIN sees it: "
          + client.as(TestUsers.ADMIN).get("/actuator/health/readiness").text(), notReady);
    }
  }

  /** The repackaged jar of the package phase, which failsafe names in {@code registry.jar}. */
  static Path jar() throws IOException {
    String configured = System.getProperty("registry.jar");
    if (configured != null && Files.isRegularFile(Path.of(configured))) {
      return Path.of(configured);
    }
    Map<Long, Path> bySize = new HashMap<>();
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "registry-api-*.jar")) {
      jars.forEach(j -> bySize.put(j.toFile().length(), j));
    }
    return bySize.entrySet().stream().max(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
        .orElseThrow(() -> new IllegalStateException("no packaged registry-api jar in target/: run the package phase first"));
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
