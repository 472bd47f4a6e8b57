package gov.ice.registry.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.RegistryApplication;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TemporaryDirectories;
import gov.ice.registry.support.TestUsers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sharing gate at volume on the embedded default: imports N gate-ready agreements (each a
 * partner with its own ORI), then 8 callers ask {@code POST /api/access/v1/evaluation} for S
 * seconds over HTTP, with the decision log on; prints p50, p99 and decisions per second beside
 * the raw store (H2's durable single-row insert rate at 8 callers: the log's append is one).
 * Not a test; it asserts nothing.
 *
 * <p>Run: {@code ./mvnw -B -o test -pl registry-api -am -Dtest=GateBenchmarkRun
 * -Dsurefire.failIfNoSpecifiedTests=false -Dgate.bench.agreements=N -Dgate.bench.seconds=S}.
 */
public final class GateBenchmark {

  static final int CALLERS = 8;

  private GateBenchmark() {}

  public static void main(String[] args) throws Exception {
    int agreements = Integer.getInteger("gate.bench.agreements", 2000);
    int seconds = Integer.getInteger("gate.bench.seconds", 30);
    Path dataDir = TemporaryDirectories.create("registry-gate-bench-");
    RegistryApplication.disableAxonUpdateChecker();
    try (ConfigurableApplicationContext registry = new SpringApplicationBuilder(RegistryApplication.class).run(
        "--server.port=0", "--registry.data-dir=" + dataDir, "--registry.ledger.url=",
        "--registry.security.users-file=" + TestUsers.usersFile())) {
      int port = ((WebServerApplicationContext) registry).getWebServer().getPort();
      RegistryClient client = new RegistryClient(port);
      long loadStart = System.nanoTime();
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < agreements; i++) {
        lines.append(RegistryClient.JSON.writeValueAsString(body(i))).append('\n');
        if ((i + 1) % 500 == 0 || i == agreements - 1) {
          Response imported = Ndjson.post(client, "/api/agreements/imports", lines.toString());
          if (imported.status() != 200) {
            throw new IllegalStateException(imported.toString());
          }
          lines.setLength(0);
        }
      }
      System.out.printf("loaded %d agreements in %.1f s%n", agreements, (System.nanoTime() - loadStart) / 1e9);
      while (client.as(TestUsers.GATE_CLIENT).post("/api/access/v1/evaluation", evaluation(0)).status() != 200) {
        Thread.onSpinWait(); // The gate answers 503 until its index has read the ledger.
      }
      Result gate = run(seconds, n -> client.as(TestUsers.GATE_CLIENT).post("/api/access/v1/evaluation",
          evaluation((int) (n % agreements))).status() == 200);
      System.out.printf("gate  N=%d callers=%d: %d decisions, %.0f/s, p50 %.1f ms, p99 %.1f ms, failures %d (goal p99 < 25 ms, >= 300/s)%n",
          agreements, CALLERS, gate.count, gate.perSecond, gate.p50, gate.p99, gate.failures);
    }
    Result raw = rawInserts(dataDir.resolve("raw"), Math.min(seconds, 10));
    System.out.printf("raw H2 durable single-row insert+commit, %d callers: %.0f/s, p99 %.1f ms%n", CALLERS, raw.perSecond, raw.p99);
  }

  static ObjectNode body(int i) {
    ObjectNode body = AgreementBodies.executed("GATE-BENCH-" + i);
    ObjectNode party = (ObjectNode) body.get("parties").get(0);
    party.put("name", "Bench Partner " + i);
    party.putObject("identifier").put("scheme", "ORI").put("value", "BENCH" + i);
    ((ObjectNode) body.get("signatures").get(1)).put("party", "Bench Partner " + i);
    ObjectNode terms = (ObjectNode) body.get("terms");
    terms.putArray("channels").add("LEIS_SERVICE");
    terms.putArray("permittedPurposes").add("CRIMINAL_INVESTIGATION");
    return body;
  }

  static ObjectNode evaluation(int i) {
    ObjectNode e = RegistryClient.JSON.createObjectNode();
    e.putObject("subject").put("type", "party").put("id", "ORI:BENCH" + i);
    e.putObject("action").put("name", "share").putObject("properties").put("channel", "LEIS_SERVICE");
    e.putObject("resource").put("type", "ice_information").put("id", "LAW_ENFORCEMENT").putObject("properties")
        .put("pii", true).put("marking", "CUI").put("purpose", "CRIMINAL_INVESTIGATION");
    return e;
  }

  record Result(long count, double perSecond, double p50, double p99, long failures) {}

  interface Call {
    boolean call(long n) throws Exception;
  }

  static Result run(int seconds, Call call) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    AtomicLong next = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    List<Future<long[]>> done = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < CALLERS; c++) {
      done.add(callers.submit(() -> {
        long[] latencies = new long[1 << 20];
        int k = 0;
        while (System.nanoTime() < end && k < latencies.length) {
          long t = System.nanoTime();
          if (!call.call(next.getAndIncrement())) {
            failures.incrementAndGet();
          }
          latencies[k++] = System.nanoTime() - t;
        }
        return Arrays.copyOf(latencies, k);
      }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<long[]> f : done) {
      for (long l : f.get()) {
        all.add(l);
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    callers.shutdown();
    all.sort(null);
    return new Result(all.size(), all.size() / elapsed, all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6,
        failures.get());
  }

  static Result rawInserts(Path dir, int seconds) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("raw");
    try (Connection setup = DriverManager.getConnection(url, "sa", ""); Statement s = setup.createStatement()) {
      s.execute("CREATE TABLE raw_entry (id BIGINT AUTO_INCREMENT PRIMARY KEY, body VARCHAR(4000))");
    }
    String row = "x".repeat(1500);
    ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
      try {
        Connection c = DriverManager.getConnection(url, "sa", "");
        c.setAutoCommit(false);
        return c;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    return run(seconds, n -> {
      Connection c = connections.get();
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO raw_entry (body) VALUES (?)")) {
        insert.setString(1, row);
        insert.executeUpdate();
      }
      c.commit();
      return true;
    });
  }
}
