package gov.ice.registry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestPostgres;
import gov.ice.registry.support.TestUsers;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The registry at volume, in one run on one machine, printed as one table (docs/benchmarks/README.md).
 *
 * <ol>
 *   <li>For each store (H2, then PostgreSQL): the database's raw durable single-row insert rate
 *       (INSERT + COMMIT of an event-sized row) at 1 and 8 callers, then HTTP imports per second
 *       against the packaged registry on that database at 1 and 8 callers.
 *   <li>On the embedded default (H2): loads the rest of N agreements, waits for the read models,
 *       verifies the ledger, times a 10,000-row import, rebuilds each read model beside the read
 *       store's raw bulk insert rate, restarts (time to ready with N agreements in the data
 *       directory), then p50/p99 of the queries and web pages, heap after a full GC and resident
 *       memory.
 * </ol>
 *
 * Run: {@code deploy/bench.sh [--agreements N] [--stores h2,postgres] [--seconds S]}. Not a test:
 * it asserts nothing; goals are printed beside the figures.
 */
public final class RegistryBenchmark {

  static final int LOW = 1;
  static final int HIGH = 8;

  private final Options options;
  private final Table table = new Table();
  private final AgreementMix mix = new AgreementMix(20_260_000L);
  private final AtomicLong imported = new AtomicLong();
  private final List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());

  private RegistryBenchmark(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    RegistryBenchmark benchmark = new RegistryBenchmark(options);
    String before = uptime();
    Instant started = Instant.now();
    try {
      benchmark.run();
    } finally {
      benchmark.table.print(System.out, options, started, before, uptime());
    }
    System.exit(0);
  }

  private void run() throws Exception {
    Path work = Files.createTempDirectory("registry-bench-");
    if (options.only().equals("import")) {
      importOnly(work);
      return;
    }
    if (options.only().equals("documents")) {
      documentsOnly(work);
      return;
    }
    if (options.only().equals("reads")) {
      readsOnly(work);
      return;
    }
    if (options.only().equals("search")) {
      new SearchBenchmark(options, table).run(work);
      return;
    }
    if (options.only().equals("restart")) {
      new SearchBenchmark(options, table).restarts();
      return;
    }
    try {
      stores(work);
    } finally {
      if (options.verifyEvents() > 0) {
        syntheticVerification(work.resolve("synthetic"));
      }
    }
  }

  /** Verification over a ledger of {@code --verify-events} sealed events written straight into the table. */
  private void syntheticVerification(Path dir) throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(gov.ice.registry.eventstore.H2Urls.forLedger("jdbc:h2:file:" + dir.toAbsolutePath().resolve("ledger")));
    dataSource.setUser("sa");
    SyntheticLedger.write(dataSource, false, options.verifyEvents());
    VerificationBenchmark.Result result = VerificationBenchmark.measure(dataSource, 3);
    table.add("H2", "ledger verification in process, synthetic ledger, events/s (best of 3, " + result.events() + " events, verified="
        + result.verified() + ")", result.perSecond(), null, null, null, ">= 200,000");
    table.add("H2", "the same, events per CPU-second (all threads)", result.perCpuSecond(), null, null, null, "");
  }

  private void stores(Path work) throws Exception {
    for (String store : options.stores()) {
      if (store.equals("h2")) {
        Path data = work.resolve("h2-data");
        Path raw = work.resolve("h2-raw");
        String rawUrl = gov.ice.registry.eventstore.H2Urls.forLedger("jdbc:h2:file:" + raw.resolve("raw"));
        commandRates("H2", rawUrl, "sa", Map.of("REGISTRY_DATA_DIR", data.toString()), true, data);
      } else if (store.equals("postgres")) {
        TestPostgres postgres = TestPostgres.instance();
        String registryDb = postgres.newDatabase("registry_bench");
        Map<String, String> env = Map.of("REGISTRY_DATA_DIR", work.resolve("pg-data").toString(), "REGISTRY_DATABASE_URL", registryDb,
            "REGISTRY_DATABASE_USERNAME", "postgres", "REGISTRY_DATABASE_PASSWORD", "");
        commandRates("PostgreSQL", postgres.newDatabase("raw_bench"), "postgres", env, false, null);
      }
    }
  }

  /**
   * {@code --only import}: on the embedded default, the raw durable insert rate beside one bulk
   * import of R rows (JSON lines), its dry run before and its repetition after (every row already
   * imported). Minutes instead of the full run's hour.
   */
  private void importOnly(Path work) throws Exception {
    RawAppender raw = new RawAppender(gov.ice.registry.eventstore.H2Urls.forLedger("jdbc:h2:file:" + work.resolve("h2-raw").resolve("raw")),
        "sa");
    double raw1 = measure(LOW, raw::appendOne);
    raw.close();
    try (Server server = Server.start(Map.of("REGISTRY_DATA_DIR", work.resolve("h2-data").toString()), options)) {
      RegistryClient client = server.client();
      int rows = options.importRows();
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < rows; i++) {
        body.append(mix.importBody(imported.incrementAndGet())).append('\n');
      }
      long start = System.nanoTime();
      expectTotals(Ndjson.post(client, "/api/agreements/imports?dryRun=true", body.toString()), "wouldImport", rows);
      table.add("H2", rows + "-row dry run (one POST /api/agreements/imports?dryRun=true), s", seconds(start), null, null, null, "");
      start = System.nanoTime();
      expectTotals(Ndjson.post(client, "/api/agreements/imports", body.toString()), "imported", rows);
      double importSeconds = seconds(start);
      table.add("H2", rows + "-row import (one POST /api/agreements/imports), s", importSeconds, null, null, null,
          "10,000 rows < 60 s");
      table.add("H2", rows + "-row import, rows/s", rows / importSeconds, "raw INSERT+COMMIT/s, 1 caller", raw1, null, "");
      start = System.nanoTime();
      expectTotals(Ndjson.post(client, "/api/agreements/imports", body.toString()), "alreadyImported", rows);
      table.add("H2", "the same " + rows + " rows again (every row ALREADY_IMPORTED), s", seconds(start), null, null, null, "");
    }
  }

  /**
   * {@code --only documents}: on the embedded default, N agreements (bulk import), then D generated
   * PDFs of 50 KB to 5 MB (log-uniform) attached one after another over HTTP; uploads per second,
   * the search's extraction time per MB (from the last upload until the search holds every text),
   * the ledger file's growth per stored MB, and p50/p99 of a phrase search with the text indexed.
   */
  private void documentsOnly(Path work) throws Exception {
    Path data = work.resolve("h2-data");
    try (Server server = Server.start(Map.of("REGISTRY_DATA_DIR", data.toString()), options)) {
      RegistryClient client = server.client();
      load(client, options.agreements(), true);
      awaitCaughtUp(client, imported.get());
      Path ledgerFile = data.resolve("ledger.mv.db");
      long ledgerBefore = Files.size(ledgerFile);
      java.util.Random random = new java.util.Random(20_261_208L);
      int count = options.documents();
      long bytes = 0;
      long uploadNanos = 0;
      String lastPosition = null;
      String phrase = "zebrafish calibration ledger";
      for (int i = 0; i < count; i++) {
        int size = (int) Math.round(50_000 * Math.pow(100, random.nextDouble()));
        // One document in ten carries the phrase: the search below finds a hundred of a thousand.
        byte[] pdf = gov.ice.registry.support.SampleDocuments.pdfOfSize(i % 10 == 0 ? phrase : "bench document " + i, size, i);
        String agreement = ids.get(i % ids.size());
        long start = System.nanoTime();
        Response attached = new gov.ice.registry.support.Multipart().field("kind", "ANNEX").file("bench-" + i + ".pdf", "application/pdf", pdf)
            .post(client, TestUsers.PROGRAM_OFFICE, "/api/agreements/" + agreement + "/documents");
        uploadNanos += System.nanoTime() - start;
        if (attached.status() != 201) {
          throw new IllegalStateException("upload " + i + " answered " + attached);
        }
        bytes += pdf.length;
        lastPosition = attached.header("X-Registry-Position").orElse(lastPosition);
      }
      double uploadSeconds = uploadNanos / 1e9;
      double mb = bytes / 1024.0 / 1024.0;
      table.add("H2", count + " PDF uploads of 50 KB-5 MB (" + String.format(Locale.ROOT, "%.0f", mb) + " MB), uploads/s, 1 caller",
          count / uploadSeconds, "MB/s", mb / uploadSeconds, null, "");
      long start = System.nanoTime();
      Response caughtUp = client.as(TestUsers.IGP).header("X-Registry-Position", lastPosition).timeout(Duration.ofMinutes(60))
          .get("/api/agreements?size=1&q=" + java.net.URLEncoder.encode("\"" + phrase + "\"", StandardCharsets.UTF_8));
      double extraction = seconds(start);
      table.add("H2", "search caught up with the text after the last upload, s (answered " + caughtUp.status() + ", "
          + caughtUp.json().path("total").asLong() + " agreements hold the phrase)", extraction, "s per MB", extraction / mb, null, "");
      table.add("H2", "ledger file growth per stored MB (" + (Files.size(ledgerFile) - ledgerBefore) / 1024 / 1024 + " MB)",
          (Files.size(ledgerFile) - ledgerBefore) / 1024.0 / 1024.0 / mb, null, null, null, "about 1");
      String path = "/api/agreements?page=0&size=20&q=" + java.net.URLEncoder.encode("\"" + phrase + "\"", StandardCharsets.UTF_8);
      long[] nanos = new long[options.samples()];
      for (int i = 0; i < options.samples() / 10; i++) {
        client.as(TestUsers.IGP).get(path);
      }
      for (int i = 0; i < nanos.length; i++) {
        long t = System.nanoTime();
        client.as(TestUsers.IGP).get(path);
        nanos[i] = System.nanoTime() - t;
      }
      Arrays.sort(nanos);
      table.addLatency("search of a phrase inside documents, " + imported.get() + " agreements, " + count + " documents",
          nanos[nanos.length / 2] / 1e6, nanos[(int) Math.min(nanos.length - 1, Math.ceil(nanos.length * 0.99) - 1)] / 1e6, "p99 < 50 ms");
    }
  }

  /**
   * {@code --only reads}: on the embedded default, N agreements by bulk import plus drafts in
   * flight (N / 50, at most 2,000, each awaiting its required offices' concurrence), then a
   * restart (start to ready with them in the data directory) and the queries' and pages' p50/p99,
   * the work queues and the cycle-time report among them. No command rates, verification or
   * rebuilds: minutes instead of the full run's hour.
   */
  private void readsOnly(Path work) throws Exception {
    Path data = work.resolve("h2-data");
    try (Server first = Server.start(Map.of("REGISTRY_DATA_DIR", data.toString()), options)) {
      RegistryClient client = first.client();
      long start = System.nanoTime();
      load(client, options.agreements(), true);
      table.add("H2", "load of " + options.agreements() + " agreements (POST /api/agreements/imports), agreements/s",
          options.agreements() / seconds(start), null, null, null, "");
      long drafts = Math.min(2_000, Math.max(1, options.agreements() / 50));
      start = System.nanoTime();
      AtomicLong left = new AtomicLong(drafts);
      runCallers(HIGH, () -> {
        while (left.getAndDecrement() > 0) {
          Response created = client.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", gov.ice.registry.support.AgreementBodies.draft());
          if (created.status() != 201) {
            throw new IllegalStateException("a draft answered " + created);
          }
          imported.incrementAndGet();
        }
        return null;
      });
      table.add("H2", drafts + " drafts in flight (POST /api/agreements, " + HIGH + " callers), drafts/s", drafts / seconds(start),
          null, null, null, "");
      start = System.nanoTime();
      String caughtUp = awaitCaughtUp(client, imported.get());
      table.add("H2", "read models caught up after the load (s; " + caughtUp + ")", seconds(start), null, null, null, "");
    }
    long restart = System.nanoTime();
    try (Server second = Server.start(Map.of("REGISTRY_DATA_DIR", data.toString()), options)) {
      table.add("H2", "start to ready with " + imported.get() + " agreements in the data directory, s", seconds(restart), null, null,
          null, "< 8 s");
      RegistryClient again = second.client();
      awaitCaughtUp(again, imported.get());
      latencies(again);
      memory(second);
    }
  }

  private static void expectTotals(Response report, String total, long expected) {
    long got = report.json() == null ? -1 : report.json().path("totals").path(total).asLong(-1);
    if (report.status() != 200 || got != expected) {
      throw new IllegalStateException("expected " + total + " = " + expected + ", got " + report.status() + " "
          + report.text().substring(0, Math.min(2000, report.text().length())));
    }
  }

  /** Raw inserts and HTTP imports at 1 and 8 callers; on the full store, everything else too. */
  private void commandRates(String store, String rawUrl, String user, Map<String, String> env, boolean full, Path data)
      throws Exception {
    RawAppender raw = new RawAppender(rawUrl, user);
    double raw1 = measure(LOW, raw::appendOne);
    double raw8 = measure(HIGH, raw::appendOne);
    raw.close();
    try (Server server = Server.start(env, options)) {
      RegistryClient client = server.client();
      double http1 = measure(LOW, () -> importOne(client));
      double http8 = measure(HIGH, () -> importOne(client));
      table.add(store, "commands/s over HTTP (single imports), " + LOW + " caller", http1, "raw INSERT+COMMIT/s", raw1, null, "");
      table.add(store, "commands/s over HTTP (single imports), " + HIGH + " callers", http8, "raw INSERT+COMMIT/s", raw8, 0.5,
          ">= 0.5 of raw");
      if (!full) {
        return;
      }
      fullRun(server, client, data);
    }
  }

  private void fullRun(Server first, RegistryClient client, Path data) throws Exception {
    boolean bulk = bulkImportExists(client);
    long toLoad = options.agreements() - imported.get();
    long start = System.nanoTime();
    load(client, toLoad, bulk);
    double loadSeconds = seconds(start);
    table.add("H2", "load of " + toLoad + " agreements (" + (bulk ? "POST /api/agreements/imports" : "single imports, 8 callers")
        + "), agreements/s", toLoad / loadSeconds, null, null, null, "");
    start = System.nanoTime();
    String caughtUp = awaitCaughtUp(client, imported.get());
    table.add("H2", "read models caught up after the load (s; " + caughtUp + ")", seconds(start), null, null, null, "");

    start = System.nanoTime();
    Response verify = client.as(TestUsers.AUDITOR).timeout(Duration.ofMinutes(30)).get("/api/ledger/verify");
    double verifySeconds = seconds(start);
    long events = verify.json() == null ? 0 : verify.json().path("eventsChecked").asLong();
    table.add("H2", "ledger verification over HTTP, events/s (" + events + " events, verified="
        + (verify.json() == null ? verify.status() : verify.json().path("verified").asText()) + ")", events / verifySeconds,
        null, null, null, ">= 200,000");

    start = System.nanoTime();
    int rows = options.importRows();
    load(client, rows, bulk);
    table.add("H2", rows + "-row import, s (" + (bulk ? "one POST /api/agreements/imports" : "single imports, 8 callers") + ")",
        seconds(start), null, null, null, "");
    awaitCaughtUp(client, imported.get());

    rebuilds(client, events);

    Path ledgerFile = data.resolve("ledger.mv.db");
    long totalEvents = events + rows;
    table.add("H2", "ledger file per event while running, KB (" + Files.size(ledgerFile) / 1024 / 1024 + " MB, about " + totalEvents
        + " events)", Files.size(ledgerFile) / 1024.0 / totalEvents, null, null, null, "a few KB (was ~50)");
    first.close();
    table.add("H2", "ledger file per event after a clean stop, KB", Files.size(ledgerFile) / 1024.0 / totalEvents, null, null, null,
        "a few KB (was ~50)");
    verifyInProcess(data);
    long restart = System.nanoTime();
    try (Server second = Server.start(Map.of("REGISTRY_DATA_DIR", data.toString()), options)) {
      table.add("H2", "start to ready with " + imported.get() + " agreements in the data directory, s", seconds(restart), null, null,
          null, "< 8 s");
      RegistryClient again = second.client();
      awaitCaughtUp(again, imported.get());
      latencies(again);
      memory(second);
    }
  }

  // ---------------------------------------------------------------------------------------------- load

  private boolean importOne(RegistryClient client) {
    long n = imported.incrementAndGet();
    Response response = client.as(TestUsers.IGP).post("/api/agreements/import", mix.importBody(n));
    if (response.status() == 400 && response.text().contains("externalReference")) {
      mix.withoutExternalReference();
      response = client.as(TestUsers.IGP).post("/api/agreements/import", mix.importBody(n));
    }
    if (response.status() != 201 && response.status() != 200) {
      throw new IllegalStateException("import " + n + " answered " + response);
    }
    String id = response.id();
    if (id != null) {
      ids.add(id);
    }
    return true;
  }

  /** The bulk endpoint answers a dry run of one valid line with a report; a branch without it answers otherwise. */
  private boolean bulkImportExists(RegistryClient client) {
    Response probe = Ndjson.post(client, "/api/agreements/imports?dryRun=true", mix.importBody(0).toString() + "\n");
    boolean exists = probe.status() == 200 && probe.json() != null && probe.json().has("totals");
    System.out.println("bulk import endpoint " + (exists ? "found" : "not found (" + probe.status() + "): single imports"));
    return exists;
  }

  /** Sends rows as JSON lines; halves the batch when the body is over the server's limit (413). */
  private void sendBulk(RegistryClient client, List<String> rows) {
    Response report = Ndjson.post(client, "/api/agreements/imports", String.join("\n", rows) + "\n");
    if (report.status() == 413 && rows.size() > 1) {
      sendBulk(client, rows.subList(0, rows.size() / 2));
      sendBulk(client, rows.subList(rows.size() / 2, rows.size()));
      return;
    }
    if (report.status() / 100 != 2 || report.json() == null) {
      throw new IllegalStateException("bulk import answered " + report);
    }
    if (report.json().path("totals").path("rejected").asLong() > 0) {
      throw new IllegalStateException("bulk import rejected rows: " + report.text().substring(0, Math.min(2000, report.text().length())));
    }
    for (JsonNode row : report.json().path("rows")) {
      if (row.hasNonNull("id")) {
        ids.add(row.path("id").asText());
      }
    }
  }

  /** Imports {@code count} more agreements: the bulk endpoint when main has it, otherwise single imports with 8 callers. */
  private void load(RegistryClient client, long count, boolean bulk) throws Exception {
    if (!bulk) {
      AtomicLong left = new AtomicLong(count);
      runCallers(HIGH, () -> {
        while (left.getAndDecrement() > 0) {
          importOne(client);
        }
        return null;
      });
      return;
    }
    int chunk = 1_000;
    AtomicLong left = new AtomicLong(count);
    runCallers(2, () -> {
      while (true) {
        long take = Math.min(chunk, left.getAndAdd(-chunk));
        if (take <= 0) {
          return null;
        }
        List<String> rows = new ArrayList<>();
        for (long i = 0; i < take; i++) {
          rows.add(mix.importBody(imported.incrementAndGet()).toString());
        }
        sendBulk(client, rows);
      }
    });
  }

  /** Until the search counts every imported agreement and every read model says it has caught up; what it saw. */
  private String awaitCaughtUp(RegistryClient client, long agreements) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(options.catchUpMinutes()).toNanos();
    String seen = "";
    while (System.nanoTime() < deadline) {
      // A search slower than the client's default timeout (a loaded machine, a large N) is a slow poll, not a failure.
      Response search = client.as(TestUsers.IGP).timeout(Duration.ofMinutes(5)).get("/api/agreements?size=1");
      long total = search.json() == null ? -1 : search.json().path("total").asLong(-1);
      Response projections = client.as(TestUsers.ADMIN).get("/api/admin/projections");
      boolean allCaughtUp = true;
      if (projections.status() == 200 && projections.json() != null) {
        for (JsonNode p : projections.json().isArray() ? projections.json() : projections.json().path("items")) {
          if (p.has("caughtUp") && !p.path("caughtUp").asBoolean()) {
            allCaughtUp = false;
          }
        }
      }
      seen = "search total " + total + " of " + agreements + (allCaughtUp ? ", all caught up" : ", not all caught up");
      if (total >= agreements && allCaughtUp) {
        return seen;
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    return "gave up: " + seen;
  }

  // ---------------------------------------------------------------------------------------------- rebuilds

  private void rebuilds(RegistryClient client, long events) throws Exception {
    double rawBulk = ReadStoreBulkInsert.docsPerSecond(options.rawBulkDocuments());
    Response list = client.as(TestUsers.ADMIN).get("/api/admin/projections");
    if (list.status() != 200 || list.json() == null) {
      table.add("H2", "read model rebuild: GET /api/admin/projections answered " + list.status(), Double.NaN, "raw bulk insert docs/s",
          rawBulk, null, "");
      return;
    }
    List<String> names = new ArrayList<>();
    for (JsonNode p : list.json().isArray() ? list.json() : list.json().path("items")) {
      names.add(p.path("name").asText());
    }
    long head = 0;
    for (JsonNode p : list.json().isArray() ? list.json() : list.json().path("items")) {
      head = Math.max(head, p.path("position").asLong(0));
    }
    for (String name : names) {
      long start = System.nanoTime();
      Response started = client.as(TestUsers.ADMIN).post("/api/admin/projections/" + name + "/rebuild", null);
      if (started.status() / 100 != 2) {
        table.add("H2", "rebuild " + name + ": answered " + started.status(), Double.NaN, "raw bulk insert docs/s", rawBulk, null, "");
        continue;
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(options.catchUpMinutes()).toNanos();
      boolean done = false;
      while (!done && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(200);
        Response now = client.as(TestUsers.ADMIN).get("/api/admin/projections");
        for (JsonNode p : now.json().isArray() ? now.json() : now.json().path("items")) {
          if (p.path("name").asText().equals(name)) {
            // "replaying" is no completion signal (it stays true until a new event arrives): position against the head is.
            boolean rebuilding = p.path("rebuilding").asBoolean(false);
            done = !rebuilding && p.path("caughtUp").asBoolean(true) && p.path("position").asLong(Long.MAX_VALUE) >= head;
          }
        }
      }
      double seconds = seconds(start);
      table.add("H2", "rebuild of " + name + ", events/s (" + events + " events" + (done ? "" : ", NOT finished") + ")",
          events / seconds, "raw bulk insert docs/s", rawBulk, 0.5, ">= 0.5 of raw; 1M events < 2 min");
    }
  }

  // ---------------------------------------------------------------------------------------------- reads

  private void latencies(RegistryClient client) {
    String id = ids.isEmpty() ? "none" : ids.get(ids.size() / 2);
    long deepPage = Math.max(0, imported.get() / 20 / 2);
    Map<String, Object[]> queries = new java.util.LinkedHashMap<>();
    queries.put("search, no filter", new Object[] {TestUsers.IGP, "/api/agreements?page=0&size=20", "p99 < 50 ms"});
    queries.put("search, three filters", new Object[] {TestUsers.IGP,
        "/api/agreements?status=ACTIVE&partyKind=STATE&category=LAW_ENFORCEMENT&page=0&size=20", "p99 < 50 ms"});
    queries.put("search, free text", new Object[] {TestUsers.IGP, "/api/agreements?q=sheriff&page=0&size=20", "p99 < 50 ms"});
    queries.put("search, deep page (" + deepPage + ")", new Object[] {TestUsers.IGP,
        "/api/agreements?page=" + deepPage + "&size=20", "p99 < 50 ms"});
    queries.put("overdue view", new Object[] {TestUsers.IGP, "/api/reviews/overdue?page=0&size=20", "p99 < 20 ms"});
    queries.put("due-soon view", new Object[] {TestUsers.IGP, "/api/reviews/due?within=P90D&page=0&size=20", ""});
    queries.put("approvals audit", new Object[] {TestUsers.AUDITOR, "/api/audit/approvals?page=0&size=20", ""});
    queries.put("work queue, program office", new Object[] {TestUsers.PROGRAM_OFFICE, "/api/work?page=0&size=20", "p99 < 100 ms"});
    queries.put("work queue, IGP", new Object[] {TestUsers.IGP, "/api/work?page=0&size=20", "p99 < 100 ms"});
    queries.put("work queue, stakeholder OPLA", new Object[] {TestUsers.OPLA, "/api/work?page=0&size=20", "p99 < 100 ms"});
    queries.put("work queue, signatory HSI_EAD", new Object[] {"sig-hsi-ead", "/api/work?page=0&size=20", "p99 < 100 ms"});
    queries.put("work queue, Director", new Object[] {TestUsers.DIRECTOR, "/api/work?page=0&size=20", "p99 < 100 ms"});
    queries.put("work queue, program office, deep page (" + deepPage + ")", new Object[] {TestUsers.PROGRAM_OFFICE,
        "/api/work?page=" + deepPage + "&size=20", "p99 < 100 ms"});
    String year = gov.ice.registry.support.AgreementBodies.today().minusYears(1) + "&to=" + gov.ice.registry.support.AgreementBodies.today();
    queries.put("cycle-time report, by office, last year", new Object[] {TestUsers.IGP, "/api/reports/cycle-time?from=" + year
        + "&groupBy=office", "< 2 s"});
    queries.put("cycle-time report, by directorate, CSV", new Object[] {TestUsers.IGP, "/api/reports/cycle-time?from=" + year
        + "&groupBy=directorate&format=csv", "< 2 s"});
    queries.put("one agreement", new Object[] {TestUsers.IGP, "/api/agreements/" + id, ""});
    queries.put("its history", new Object[] {TestUsers.AUDITOR, "/api/agreements/" + id + "/history", "< 10 ms"});
    queries.forEach((name, q) -> {
      String user = (String) q[0];
      String path = (String) q[1];
      Response probe = client.as(user).header("Accept", path.startsWith("/api") ? "application/json" : "text/html").get(path);
      if (probe.status() != 200) {
        table.add("H2", name + ": " + path + " answered " + probe.status(), Double.NaN, null, null, null, (String) q[2]);
        return;
      }
      long[] nanos = new long[options.samples()];
      for (int i = 0; i < options.samples() / 10; i++) {
        client.as(user).get(path);
      }
      for (int i = 0; i < nanos.length; i++) {
        long start = System.nanoTime();
        client.as(user).header("Accept", path.startsWith("/api") ? "application/json" : "text/html").get(path);
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      table.addLatency(name + " (" + probe.text().length() / 1024 + " KB)", nanos[nanos.length / 2] / 1e6,
          nanos[(int) Math.min(nanos.length - 1, Math.ceil(nanos.length * 0.99) - 1)] / 1e6, (String) q[2]);
    });
    // The pages sign in through the form, as a browser does (Basic authentication answers them with a redirect to /login).
    try {
      PageLatencies.measure(table, client.baseUrl(), id, options.samples(), imported.get());
    } catch (Exception e) {
      table.add("H2", "web pages: " + e, Double.NaN, null, null, null, PageLatencies.GOAL);
    }
  }

  private void memory(Server server) throws Exception {
    long pid = server.pid();
    jcmd(pid, "GC.run");
    String heap = jcmd(pid, "GC.heap_info");
    Matcher used = Pattern.compile("used (\\d+)K").matcher(heap);
    double heapMb = used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
    table.add("H2", "heap used after a full GC, MB (" + imported.get() + " agreements)", heapMb, null, null, null, "< 512 MB");
    String status = Files.readString(Path.of("/proc/" + pid + "/status"));
    Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(status);
    table.add("H2", "resident memory, MB", rss.find() ? Long.parseLong(rss.group(1)) / 1024.0 : Double.NaN, null, null, null, "");
  }

  private void verifyInProcess(Path data) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(gov.ice.registry.eventstore.H2Urls.forLedger("jdbc:h2:file:" + data.toAbsolutePath().resolve("ledger")));
    dataSource.setUser("sa");
    VerificationBenchmark.Result result = VerificationBenchmark.measure(dataSource, 3);
    table.add("H2", "ledger verification in process, events/s (best of 3, " + result.events() + " events, verified=" + result.verified()
        + ")", result.perSecond(), null, null, null, ">= 200,000");
    table.add("H2", "ledger verification, events per CPU-second (all threads)", result.perCpuSecond(), null, null, null, "");
  }

  // ---------------------------------------------------------------------------------------------- helpers

  /** Operations per second over the measured window, after a warm-up, with {@code callers} threads in a closed loop. */
  private double measure(int callers, Callable<Boolean> operation) throws Exception {
    loop(callers, operation, Duration.ofSeconds(Math.max(1, options.seconds() / 3)));
    return loop(callers, operation, Duration.ofSeconds(options.seconds())) / (double) options.seconds();
  }

  private static long loop(int callers, Callable<Boolean> operation, Duration duration) throws Exception {
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    runCallers(callers, () -> {
      while (System.nanoTime() < end) {
        operation.call();
        done.incrementAndGet();
      }
      return null;
    });
    return done.get();
  }

  private static void runCallers(int callers, Callable<Void> body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        futures.add(pool.submit(body));
      }
      for (Future<Void> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static String uptime() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String jcmd(long pid, String command) throws Exception {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), command)
        .redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  /** One durable append the way a store does it at its simplest: one event-sized row, one commit. */
  static final class RawAppender implements AutoCloseable {

    private final String url;
    private final String user;
    private final List<Connection> connections = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<PreparedStatement> statements;
    private final byte[] payload;

    RawAppender(String url, String user) throws Exception {
      this.url = url;
      this.user = user;
      this.payload = new AgreementMix(1).importBody(1).toString().getBytes(StandardCharsets.UTF_8);
      boolean postgres = url.startsWith("jdbc:postgresql:");
      try (Connection connection = DriverManager.getConnection(url, user, ""); Statement ddl = connection.createStatement()) {
        ddl.execute("CREATE TABLE IF NOT EXISTS raw_event (global_index " + (postgres ? "BIGSERIAL" : "BIGINT AUTO_INCREMENT")
            + " PRIMARY KEY, aggregate_id VARCHAR(255) NOT NULL, seq BIGINT NOT NULL, payload " + (postgres ? "BYTEA" : "BLOB")
            + " NOT NULL, UNIQUE (aggregate_id, seq))");
      }
      statements = ThreadLocal.withInitial(this::open);
    }

    private PreparedStatement open() {
      try {
        Connection connection = DriverManager.getConnection(url, user, "");
        connections.add(connection);
        connection.setAutoCommit(false);
        return connection.prepareStatement("INSERT INTO raw_event (aggregate_id, seq, payload) VALUES (?, ?, ?)");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    boolean appendOne() throws Exception {
      PreparedStatement insert = statements.get();
      insert.setString(1, UUID.randomUUID().toString());
      insert.setLong(2, 0);
      insert.setBytes(3, payload);
      insert.executeUpdate();
      insert.getConnection().commit();
      return true;
    }

    @Override
    public void close() throws Exception {
      for (Connection connection : connections) {
        connection.close();
      }
    }
  }

  /** The packaged registry as its own process, as an operator runs it, so that its heap and memory are its own. */
  static final class Server implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private Server(Process process, int port, Path log) {
      this.process = process;
      this.port = port;
      this.log = log;
    }

    /** The registry's own output (WARN and up unless the environment asks for more). */
    Path log() {
      return log;
    }

    static Server start(Map<String, String> environment, Options options) throws Exception {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Path log = Files.createTempFile("registry-bench-", ".log");
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      command.addAll(options.serverJvm());
      command.addAll(List.of("-jar", jar().toString()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> env = new HashMap<>(environment);
      env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
      env.put("SERVER_PORT", Integer.toString(port));
      env.put("REGISTRY_USERS_FILE", TestUsers.usersFile().toString());
      env.put("LOGGING_LEVEL_ROOT", "WARN");
      builder.environment().putAll(env);
      Server server = new Server(builder.start(), port, log);
      // A benchmark stopped halfway must not leave its registry running.
      Runtime.getRuntime().addShutdownHook(new Thread(server.process::destroyForcibly));
      RegistryClient client = server.client();
      long deadline = System.nanoTime() + Duration.ofMinutes(options.catchUpMinutes()).toNanos();
      while (System.nanoTime() < deadline) {
        if (!server.process.isAlive()) {
          throw new IllegalStateException("the registry exited: " + Files.readString(log));
        }
        try {
          if (client.anonymous().get("/actuator/health/readiness").status() == 200) {
            System.out.println("registry ready on port " + port + ", log " + log);
            return server;
          }
        } catch (RuntimeException notYet) {
          // Not listening yet.
        }
        TimeUnit.MILLISECONDS.sleep(100);
      }
      server.close();
      throw new IllegalStateException("the registry was not ready in time; log " + log);
    }

    RegistryClient client() {
      return new RegistryClient(port);
    }

    long pid() {
      return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
      }
    }

    private static Path jar() throws IOException {
      String configured = System.getProperty("registry.jar");
      if (configured != null && Files.isRegularFile(Path.of(configured))) {
        return Path.of(configured);
      }
      throw new IllegalStateException("no packaged registry jar at registry.jar=" + configured + ": run the package phase first");
    }
  }

  static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }
}
