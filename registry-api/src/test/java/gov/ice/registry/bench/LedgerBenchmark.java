package gov.ice.registry.bench;

import gov.ice.registry.RegistryApplication;
import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.DataProfile;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.DraftAgreement;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.Terms;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.TestPostgres;
import gov.ice.registry.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast the registry records commands, next to how fast its store can durably append at
 * all. For H2 and PostgreSQL in turn it measures, for one caller and for several:
 *
 * <ul>
 *   <li>raw appends: one INSERT of an event-sized row and one COMMIT per event, over plain JDBC;
 *   <li>commands through Axon's CommandGateway (DraftAgreement, one new agreement each);
 *   <li>the same command through HTTP (POST /api/agreements with Basic authentication).
 * </ul>
 *
 * Run: {@code ./mvnw -B -pl registry-api -am -Pbench -DskipTests verify}. Not a test: it
 * asserts nothing and takes about two minutes.
 */
public final class LedgerBenchmark {

  static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 3));
  static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 5));
  static final int CALLERS = Integer.getInteger("bench.callers", 4);

  record Result(String store, String path, int callers, double perSecond) {}

  public static void main(String[] args) throws Exception {
    RegistryApplication.disableAxonUpdateChecker();
    List<Result> results = new ArrayList<>();
    Path h2 = Files.createTempDirectory("registry-bench-h2-");
    results.addAll(run("H2 (file, WRITE_DELAY=0)", "jdbc:h2:file:" + h2.resolve("raw") + ";WRITE_DELAY=0", "sa", "",
        new String[] {"--registry.data-dir=" + h2, "--registry.ledger.url="}));
    TestPostgres postgres = TestPostgres.instance();
    String registryDb = postgres.newDatabase("registry_bench");
    results.addAll(run("PostgreSQL 15 (fsync, synchronous_commit on)", postgres.newDatabase("raw_bench"), "postgres", "",
        new String[] {"--registry.ledger.url=" + registryDb, "--registry.ledger.username=postgres", "--registry.ledger.password="}));
    print(results);
    System.exit(0);
  }

  private static List<Result> run(String store, String rawUrl, String user, String password, String[] registryArgs) throws Exception {
    List<Result> results = new ArrayList<>();
    RawAppender raw = new RawAppender(rawUrl, user, password);
    for (int callers : new int[] {1, CALLERS}) {
      results.add(new Result(store, "raw JDBC append (INSERT + COMMIT)", callers, measure(callers, raw::appendOne)));
    }
    List<String> args = new ArrayList<>(List.of(registryArgs));
    args.add("--server.port=0");
    args.add("--registry.security.users-file=" + TestUsers.usersFile());
    args.add("--logging.level.root=WARN");
    try (ConfigurableApplicationContext registry = new SpringApplicationBuilder(RegistryApplication.class).run(args.toArray(String[]::new))) {
      CommandGateway gateway = registry.getBean(CommandGateway.class);
      MetaData actor = MetaData.from(new Actor("bench", "Benchmark", List.of("PROGRAM_OFFICE")).asMetadata());
      AgreementProfile profile = profile();
      Callable<Boolean> viaGateway = () -> {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(
            new DraftAgreement(AgreementId.of(UUID.randomUUID().toString()), profile)).andMetaData(actor));
        return true;
      };
      RegistryClient http = new RegistryClient(((WebServerApplicationContext) registry).getWebServer().getPort());
      String body = AgreementBodies.draft().toString();
      Callable<Boolean> viaHttp = () -> http.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", body).status() == 201;
      for (int callers : new int[] {1, CALLERS}) {
        results.add(new Result(store, "CommandGateway (DraftAgreement)", callers, measure(callers, viaGateway)));
      }
      for (int callers : new int[] {1, CALLERS}) {
        results.add(new Result(store, "HTTP POST /api/agreements", callers, measure(callers, viaHttp)));
      }
    }
    return results;
  }

  /** Operations per second over {@link #MEASURE}, after {@link #WARMUP}, with {@code callers} threads in a closed loop. */
  static double measure(int callers, Callable<Boolean> operation) throws Exception {
    loop(callers, operation, WARMUP);
    return loop(callers, operation, MEASURE) / (MEASURE.toNanos() / 1e9);
  }

  private static long loop(int callers, Callable<Boolean> operation, Duration duration) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      futures.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          if (!operation.call()) {
            throw new IllegalStateException("an operation failed during the benchmark");
          }
          done.incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    return done.get();
  }

  private static void print(List<Result> results) {
    System.out.println();
    System.out.printf(Locale.ROOT, "%-46s %-36s %8s %12s %14s%n", "store", "path", "callers", "per second", "vs raw append");
    for (Result r : results) {
      double raw = results.stream()
          .filter(o -> o.store().equals(r.store()) && o.callers() == r.callers() && o.path().startsWith("raw"))
          .mapToDouble(Result::perSecond).findFirst().orElse(Double.NaN);
      System.out.printf(Locale.ROOT, "%-46s %-36s %8d %12.0f %13.0f%%%n", r.store(), r.path(), r.callers(), r.perSecond(), 100 * r.perSecond() / raw);
    }
    System.out.printf(Locale.ROOT, "%nmachine: %d cores visible, Java %s; %s s warm-up, %s s measured per line%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), WARMUP.toSeconds(), MEASURE.toSeconds());
  }

  /** One durable event append the way a store does it at its simplest: one row, one commit. */
  static final class RawAppender {

    private final ThreadLocal<PreparedStatement> statements;
    private final byte[] payload = AgreementBodies.draft().toString().getBytes(StandardCharsets.UTF_8);
    private final AtomicLong sequence = new AtomicLong();

    RawAppender(String url, String user, String password) throws Exception {
      boolean postgres = url.startsWith("jdbc:postgresql:");
      try (Connection connection = DriverManager.getConnection(url, user, password); Statement ddl = connection.createStatement()) {
        ddl.execute("CREATE TABLE IF NOT EXISTS raw_event (global_index " + (postgres ? "BIGSERIAL" : "BIGINT AUTO_INCREMENT")
            + " PRIMARY KEY, aggregate_id VARCHAR(255) NOT NULL, seq BIGINT NOT NULL, payload " + (postgres ? "BYTEA" : "BLOB")
            + " NOT NULL, UNIQUE (aggregate_id, seq))");
      }
      statements = ThreadLocal.withInitial(() -> {
        try {
          Connection connection = DriverManager.getConnection(url, user, password);
          connection.setAutoCommit(false);
          return connection.prepareStatement("INSERT INTO raw_event (aggregate_id, seq, payload) VALUES (?, ?, ?)");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    }

    boolean appendOne() throws Exception {
      PreparedStatement insert = statements.get();
      insert.setString(1, UUID.randomUUID().toString());
      insert.setLong(2, sequence.incrementAndGet());
      insert.setBytes(3, payload);
      insert.executeUpdate();
      insert.getConnection().commit();
      return true;
    }
  }

  private static AgreementProfile profile() {
    return new AgreementProfile("Benchmark agreement", AgreementKind.MOU, Directorate.HSI,
        List.of(new Party(AgreementBodies.STATE_PARTY, PartyKind.STATE, "US", false)),
        List.of(InformationCategory.LAW_ENFORCEMENT),
        new DataProfile(true, false, Marking.CUI, false, false, false, false, false, false, false, null, false, false, false, true, false, false),
        new Terms("purpose", "alignment", null, "authorities", "needs", "requirements", null, "data", "responsibilities", "systems",
            List.of(), "safeguards", "retention", "markings", "dissemination", "audit", null, null, 30, "security", "disposition"),
        null);
  }

  private LedgerBenchmark() {}
}
