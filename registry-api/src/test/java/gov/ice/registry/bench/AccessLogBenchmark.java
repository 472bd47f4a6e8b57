package gov.ice.registry.bench;

import gov.ice.registry.RegistryApplication;
import gov.ice.registry.integrity.log.ChainedLogs;
import gov.ice.registry.projection.access.Reader;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TemporaryDirectories;
import gov.ice.registry.support.TestUsers;
import gov.ice.registry.web.access.AccessLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A read with the access log beside the same read without it, at 8 callers: {@code GET
 * /api/agreements/{id}} as IGP over HTTP for S seconds, first on the registry as it ships (each
 * answer waits for its record's group commit), then on a registry whose access log records
 * nothing (a bean swapped in here, never available to the application itself). Both on the
 * embedded default in process, each on its own data directory. Not a test; it asserts nothing.
 *
 * <p>Run: {@code ./mvnw -B -o test -pl registry-api -am -Dtest=AccessLogBenchmarkRun
 * -Dsurefire.failIfNoSpecifiedTests=false -Daccess.bench.seconds=S -Daccess.bench.agreements=N}.
 */
public final class AccessLogBenchmark {

  private AccessLogBenchmark() {}

  /** Registered as a source after the application (not component-scanned: no stereotype), so its access log wins. */
  public static class NoAccessLog {

    @Bean
    AccessLog accessLog(ChainedLogs logs) {
      return new AccessLog(logs.register("access")) {
        @Override
        public Mono<Void> record(ServerWebExchange exchange, Reader reader, Access access) {
          return Mono.empty();
        }
      };
    }
  }

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("access.bench.seconds", 30);
    int agreements = Integer.getInteger("access.bench.agreements", 50);
    GateBenchmark.Result with = run(seconds, agreements, true);
    GateBenchmark.Result without = run(seconds, agreements, false);
    System.out.printf("%-28s %8s %8s %10s %10s %9s%n", "GET /api/agreements/{id}", "reads", "per s", "p50 ms", "p99 ms", "failures");
    print("with the access log", with);
    print("without", without);
    System.out.printf("difference: p50 %+.1f ms, p99 %+.1f ms, throughput %+.0f%%%n", with.p50() - without.p50(),
        with.p99() - without.p99(), 100 * (with.perSecond() / without.perSecond() - 1));
  }

  private static void print(String label, GateBenchmark.Result r) {
    System.out.printf("%-28s %8d %8.0f %10.1f %10.1f %9d%n", label, r.count(), r.perSecond(), r.p50(), r.p99(), r.failures());
  }

  private static GateBenchmark.Result run(int seconds, int agreements, boolean logged) throws Exception {
    Path dataDir = TemporaryDirectories.create("registry-access-bench-");
    RegistryApplication.disableAxonUpdateChecker();
    List<Class<?>> sources = new ArrayList<>(List.of(RegistryApplication.class));
    if (!logged) {
      sources.add(NoAccessLog.class);
    }
    try (ConfigurableApplicationContext registry = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(
        "--server.port=0", "--registry.data-dir=" + dataDir, "--registry.ledger.url=",
        "--registry.security.users-file=" + TestUsers.usersFile(), "--spring.main.allow-bean-definition-overriding=" + !logged)) {
      boolean swapped = registry.getBean(AccessLog.class).getClass() != AccessLog.class;
      if (swapped == logged) {
        throw new IllegalStateException("the access log is " + (swapped ? "" : "not ") + "swapped out in the run " + (logged ? "with" : "without") + " it");
      }
      int port = ((WebServerApplicationContext) registry).getWebServer().getPort();
      RegistryClient client = new RegistryClient(port);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < agreements; i++) {
        Response created = client.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
        if (created.status() != 201) {
          throw new IllegalStateException(created.toString());
        }
        ids.add(created.id());
      }
      // Warm up the same path before measuring.
      GateBenchmark.run(Math.max(2, seconds / 10), n -> client.as(TestUsers.IGP).get("/api/agreements/" + ids.get((int) (n % ids.size())))
          .status() == 200);
      return GateBenchmark.run(seconds, n -> client.as(TestUsers.IGP).get("/api/agreements/" + ids.get((int) (n % ids.size())))
          .status() == 200);
    }
  }
}
