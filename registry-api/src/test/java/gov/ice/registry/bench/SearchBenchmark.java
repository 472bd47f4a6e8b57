package gov.ice.registry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import gov.ice.registry.projection.repository.RawIndexingRate;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@code --only search}: the search at N agreements on the embedded default, in minutes rather
 * than the full run's hour (docs/benchmarks/README.md):
 *
 * <ol>
 *   <li>N agreements through the bulk import, then the time until the search index caught up;
 *   <li>p50/p99 of the searches (each answer carries the facet counts), the review views, the
 *       exigent deadlines and the approvals audit with {@value #CALLERS} concurrent callers, beside
 *       the raw read store's read of one page (with the count) at the same concurrency;
 *   <li>read-your-writes: {@value #CALLERS} writers, each importing an agreement and at once
 *       searching for it with the answer's {@code X-Registry-Position}: p50/p99 of that read, and
 *       how many reads did not see the write;
 *   <li>a full rebuild of the index ({@code POST /api/admin/projections/search/rebuild}) beside the
 *       read store's raw bulk insert and Lucene's raw indexing rate for the same documents;
 *   <li>a restart with N agreements: start to ready.
 * </ol>
 *
 * {@code --data DIR} keeps the data directory: a second run on it skips the load and measures the
 * start of a registry that already holds N agreements first.
 */
final class SearchBenchmark {

  static final int CALLERS = 8;

  private final Options options;
  private final Table table;
  private final AgreementMix mix = new AgreementMix(20_261_208L);
  private final AtomicLong imported = new AtomicLong();

  SearchBenchmark(Options options, Table table) {
    this.options = options;
    this.table = table;
  }

  private static Map<String, String> environment(Path data) {
    return Map.of("REGISTRY_DATA_DIR", data.toString(), "LOGGING_LEVEL_GOV_ICE_REGISTRY", "INFO",
        "LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_BOOT_STARTUPINFOLOGGER", "INFO");
  }

  /**
   * {@code --only restart --data DIR}: three starts of the registry on a data directory a
   * {@code --only search} run left, each timed to ready, with a search's total after each, each
   * after a start on an empty data directory.
   */
  void restarts() throws Exception {
    Path data = Path.of(options.data()).toAbsolutePath();
    if (!Files.exists(data.resolve("ledger.mv.db"))) {
      throw new IllegalStateException("no ledger in " + data + ": run --only search --data " + data + " first");
    }
    // Each start with N beside a start on an empty directory just before it: on a shared machine the
    // difference is what N costs, the empty start what Spring and the JVM cost at that moment.
    for (int i = 1; i <= 3; i++) {
      Path empty = Files.createTempDirectory("registry-bench-empty-");
      long start = System.nanoTime();
      try (RegistryBenchmark.Server server = RegistryBenchmark.Server.start(environment(empty), options)) {
        table.add("H2", "start " + i + ": start to ready on an empty data directory, s (log " + server.log() + ")",
            RegistryBenchmark.seconds(start), null, null, null, "");
      }
      start = System.nanoTime();
      try (RegistryBenchmark.Server server = RegistryBenchmark.Server.start(environment(data), options)) {
        double seconds = RegistryBenchmark.seconds(start);
        long total = searchTotal(server.client());
        table.add("H2", "start " + i + ": start to ready with " + total + " agreements in the data directory, s (log " + server.log() + ")",
            seconds, null, null, null, "< 8 s");
      }
    }
  }

  void run(Path work) throws Exception {
    Path data = options.data().isEmpty() ? work.resolve("h2-data") : Path.of(options.data()).toAbsolutePath();
    boolean seeded = Files.exists(data.resolve("ledger.mv.db"));
    Map<String, String> env = environment(data);
    long agreements;
    long start = System.nanoTime();
    try (RegistryBenchmark.Server server = RegistryBenchmark.Server.start(env, options)) {
      RegistryClient client = server.client();
      if (seeded) {
        agreements = searchTotal(client);
        table.add("H2", "start to ready with " + agreements + " agreements already in the data directory, s (log " + server.log() + ")",
            RegistryBenchmark.seconds(start), null, null, null, "< 8 s");
      } else {
        agreements = load(client, options.agreements());
      }
      awaitSearchCaughtUp(client);
      latencies(client, agreements);
      readYourWrites(client);
      agreements = searchTotal(client);
      rebuild(client, agreements);
    }
    RawIndexingRate.Result raw = RawIndexingRate.measure(data.resolve("search"), Files.createTempDirectory(work, "raw-lucene-"));
    table.add("H2", "Lucene's raw indexing rate, the same " + raw.documents() + " agreement documents, one writer, docs/s", raw.perSecond(),
        null, null, null, "");
    table.add("H2", "the rebuild, agreements/s, beside Lucene's raw rate", rebuildRate, "Lucene's raw rate, docs/s", raw.perSecond(),
        0.5, ">= 0.5 of Lucene's raw rate");
    start = System.nanoTime();
    try (RegistryBenchmark.Server server = RegistryBenchmark.Server.start(env, options)) {
      table.add("H2", "start to ready after a restart with " + agreements + " agreements, s (log " + server.log() + ")",
          RegistryBenchmark.seconds(start), null, null, null, "< 8 s");
      long total = searchTotal(server.client());
      table.add("H2", "search total right after the restart (expected " + agreements + ")", total, null, null, null, "");
    }
  }

  /** Agreements per second of the last full rebuild. */
  private double rebuildRate;

  // ---------------------------------------------------------------------------------------------- load

  private long load(RegistryClient client, long count) throws Exception {
    long start = System.nanoTime();
    AtomicLong left = new AtomicLong(count);
    int chunk = 1_000;
    // On a busy machine the load stops after --load-minutes; the figures then say the N reached.
    long stopAt = options.loadMinutes() <= 0 ? Long.MAX_VALUE : start + Duration.ofMinutes(options.loadMinutes()).toNanos();
    callers(2, () -> {
      while (System.nanoTime() < stopAt) {
        long take = Math.min(chunk, left.getAndAdd(-chunk));
        if (take <= 0) {
          return null;
        }
        StringBuilder rows = new StringBuilder();
        for (long i = 0; i < take; i++) {
          rows.append(mix.importBody(imported.incrementAndGet())).append('\n');
        }
        Response report = Ndjson.post(client, "/api/agreements/imports", rows.toString());
        if (report.status() != 200 || report.json() == null || report.json().path("totals").path("rejected").asLong() > 0) {
          throw new IllegalStateException("bulk import answered " + report.status() + " "
              + report.text().substring(0, Math.min(2000, report.text().length())));
        }
      }
      return null;
    });
    count = imported.get();
    double loadSeconds = RegistryBenchmark.seconds(start);
    table.add("H2", "load of " + count + " agreements (POST /api/agreements/imports, 1,000 a request, 2 callers), agreements/s",
        count / loadSeconds, null, null, null, "");
    start = System.nanoTime();
    awaitSearchCaughtUp(client);
    table.add("H2", "the search index caught up after the load, s more", RegistryBenchmark.seconds(start), null, null, null, "");
    return searchTotal(client);
  }

  private long searchTotal(RegistryClient client) {
    Response search = client.as(TestUsers.IGP).timeout(Duration.ofMinutes(5)).get("/api/agreements?size=1");
    return search.json() == null ? -1 : search.json().path("total").asLong(-1);
  }

  /** Until every read model (the search among them) reports itself caught up and not rebuilding. */
  private void awaitSearchCaughtUp(RegistryClient client) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(options.catchUpMinutes()).toNanos();
    while (System.nanoTime() < deadline) {
      Response projections = client.as(TestUsers.ADMIN).timeout(Duration.ofMinutes(5)).get("/api/admin/projections");
      if (projections.status() == 200 && projections.json() != null) {
        boolean all = true;
        for (JsonNode p : items(projections.json())) {
          all &= p.path("caughtUp").asBoolean(true) && !p.path("rebuilding").asBoolean(false);
        }
        if (all) {
          return;
        }
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new IllegalStateException("the read models did not catch up in " + options.catchUpMinutes() + " minutes");
  }

  private static JsonNode items(JsonNode list) {
    return list.isArray() ? list : list.path("items");
  }

  // ---------------------------------------------------------------------------------------------- reads

  private void latencies(RegistryClient client, long agreements) throws Exception {
    long deepPage = Math.max(0, agreements / 20 / 2);
    Map<String, String[]> queries = new LinkedHashMap<>();
    queries.put("search, no filter, with facets", new String[] {TestUsers.IGP, "/api/agreements?page=0&size=20", "p99 < 50 ms"});
    queries.put("search, three filters, with facets", new String[] {TestUsers.IGP,
        "/api/agreements?status=ACTIVE&partyKind=STATE&category=LAW_ENFORCEMENT&page=0&size=20", "p99 < 50 ms"});
    queries.put("search, free text (one stemmed word), with facets", new String[] {TestUsers.IGP,
        "/api/agreements?q=sheriff&page=0&size=20", "p99 < 50 ms"});
    queries.put("search, free text phrase and a filter, with facets", new String[] {TestUsers.IGP,
        "/api/agreements?q=%22public%20safety%22&directorate=HSI&page=0&size=20", "p99 < 50 ms"});
    queries.put("search, deep page (" + deepPage + ")", new String[] {TestUsers.IGP, "/api/agreements?page=" + deepPage + "&size=20",
        "p99 < 50 ms"});
    queries.put("overdue view", new String[] {TestUsers.IGP, "/api/reviews/overdue?page=0&size=20", "p99 < 20 ms"});
    queries.put("due-soon view", new String[] {TestUsers.IGP, "/api/reviews/due?within=P90D&page=0&size=20", ""});
    queries.put("exigent deadlines", new String[] {TestUsers.IGP, "/api/deadlines/exigent", ""});
    queries.put("approvals audit", new String[] {TestUsers.AUDITOR, "/api/audit/approvals?page=0&size=20", "p99 < 50 ms"});
    for (Map.Entry<String, String[]> query : queries.entrySet()) {
      String user = query.getValue()[0];
      String path = query.getValue()[1];
      Response probe = client.as(user).get(path);
      if (probe.status() != 200) {
        table.add("H2", query.getKey() + ": " + path + " answered " + probe.status(), Double.NaN, null, null, null, query.getValue()[2]);
        continue;
      }
      double[] p = concurrently(() -> {
        Response r = client.as(user).timeout(Duration.ofSeconds(60)).get(path);
        if (r.status() != 200) {
          throw new IllegalStateException(path + " answered " + r.status());
        }
      });
      table.addLatency(query.getKey() + " (" + probe.text().length() / 1024 + " KB, total " + probe.json().path("total").asText("-")
          + ", " + CALLERS + " callers)", p[0], p[1], query.getValue()[2]);
    }
    rawStore(agreements);
  }

  /** The raw read store at the same concurrency: N documents of the mix's shape, one page of 20 with its count. */
  private void rawStore(long documents) throws Exception {
    MongoServer server = new MongoServer(PageLatencies.backend());
    InetSocketAddress address = server.bind();
    try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
      MongoCollection<Document> collection = mongo.getDatabase("bench").getCollection("raw");
      collection.createIndex(Indexes.ascending("title"));
      SplittableRandom random = new SplittableRandom(17);
      String[] statuses = {"ACTIVE", "ACTIVE", "ACTIVE", "EXPIRED", "TERMINATED"};
      String[] partyKinds = {"STATE", "LOCAL", "TRIBAL", "FEDERAL", "FOREIGN_GOVERNMENT"};
      String[] categories = {"LAW_ENFORCEMENT", "IMMIGRATION_ADMINISTRATION", "BUSINESS_OPERATIONS"};
      String[] parties = {"Texas Department of Public Safety", "Arizona County Sheriff's Office", "Navajo Nation", "Bureau of Prisons"};
      for (long offset = 0; offset < documents; offset += 1_000) {
        List<Document> batch = new ArrayList<>();
        for (long i = offset; i < Math.min(documents, offset + 1_000); i++) {
          String party = parties[random.nextInt(parties.length)];
          batch.add(new Document("_id", "agreement-" + i).append("version", 1L).append("status", statuses[random.nextInt(statuses.length)])
              .append("title", "Sharing of information with " + party + " (" + i + ")").append("purpose", "Share information with " + party)
              .append("categories", List.of(categories[random.nextInt(categories.length)]))
              .append("partyKinds", List.of(partyKinds[random.nextInt(partyKinds.length)])).append("countries", List.of("US")));
        }
        collection.insertMany(batch, new InsertManyOptions().ordered(false));
      }
      Map<String, Bson> filters = new LinkedHashMap<>();
      filters.put("no filter", Filters.empty());
      filters.put("three filters", Filters.and(Filters.eq("status", "ACTIVE"), Filters.eq("partyKinds", "STATE"),
          Filters.eq("categories", "LAW_ENFORCEMENT")));
      filters.put("free text as a case-blind regex on the title", Filters.regex("title", Pattern.compile("sheriff", Pattern.CASE_INSENSITIVE)));
      for (Map.Entry<String, Bson> filter : filters.entrySet()) {
        double[] p = concurrently(() -> {
          collection.find(filter.getValue()).sort(Sorts.ascending("title")).limit(20).into(new ArrayList<>());
          collection.countDocuments(filter.getValue());
        });
        table.addLatency("raw read store (mongo-java-server, H2 backend, no registry): 20 of " + documents + " by title with the count, "
            + filter.getKey() + " (" + CALLERS + " callers; no facets)", p[0], p[1], "");
      }
    } finally {
      server.shutdownNow();
    }
  }

  /** p50 and p99 in ms of {@code samples} calls from {@value #CALLERS} callers at once, after a warm-up. */
  private double[] concurrently(ThrowingRunnable call) throws Exception {
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    AtomicLong left = new AtomicLong(Math.max(CALLERS, options.samples() / 10));
    callers(CALLERS, () -> {
      while (left.getAndDecrement() > 0) {
        call.run();
      }
      return null;
    });
    left.set(options.samples());
    callers(CALLERS, () -> {
      while (left.getAndDecrement() > 0) {
        long start = System.nanoTime();
        call.run();
        nanos.add(System.nanoTime() - start);
      }
      return null;
    });
    return percentiles(nanos);
  }

  private static double[] percentiles(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return new double[] {Double.NaN, Double.NaN};
    }
    return new double[] {sorted.get(sorted.size() / 2) / 1e6,
        sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6};
  }

  // ---------------------------------------------------------------------------------------------- read-your-writes

  /**
   * {@value #CALLERS} writers, each in a loop: import one agreement (one event), then search for its
   * reference with the answer's position. The figure is the read's latency, the wait for the index
   * included; every read must find the write.
   */
  private void readYourWrites(RegistryClient client) throws Exception {
    List<Long> reads = Collections.synchronizedList(new ArrayList<>());
    List<Long> writes = Collections.synchronizedList(new ArrayList<>());
    AtomicLong missed = new AtomicLong();
    AtomicLong unavailable = new AtomicLong();
    AtomicLong left = new AtomicLong(Math.max(CALLERS * 10L, options.samples()));
    String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
    AtomicLong sequence = new AtomicLong();
    callers(CALLERS, () -> {
      while (left.getAndDecrement() > 0) {
        String reference = "RYW-" + run + "-" + sequence.incrementAndGet();
        var body = mix.importBody(imported.incrementAndGet());
        body.put("externalReference", reference);
        long start = System.nanoTime();
        Response written = client.as(TestUsers.IGP).timeout(Duration.ofSeconds(60)).post("/api/agreements/import", body);
        writes.add(System.nanoTime() - start);
        String position = written.header("X-Registry-Position").orElseThrow(
            () -> new IllegalStateException("the import answered " + written.status() + " without X-Registry-Position"));
        start = System.nanoTime();
        Response read = client.as(TestUsers.IGP).timeout(Duration.ofSeconds(60)).header("X-Registry-Position", position)
            .get("/api/agreements?q=" + reference + "&size=1");
        reads.add(System.nanoTime() - start);
        if (read.status() == 503) {
          unavailable.incrementAndGet();
        } else if (read.json() == null || read.json().path("total").asLong() < 1) {
          missed.incrementAndGet();
        }
      }
      return null;
    });
    double[] w = percentiles(writes);
    double[] r = percentiles(reads);
    table.addLatency("read-your-writes: the import (one event), " + CALLERS + " writers", w[0], w[1], "");
    table.addLatency("read-your-writes: the search right after it with X-Registry-Position (" + reads.size() + " reads, "
        + missed.get() + " did not see the write, " + unavailable.get() + " answered 503), " + CALLERS + " writers", r[0], r[1],
        "p99 < 200 ms");
  }

  // ---------------------------------------------------------------------------------------------- rebuild

  private void rebuild(RegistryClient client, long agreements) throws Exception {
    double rawBulk = ReadStoreBulkInsert.docsPerSecond(options.rawBulkDocuments());
    long head = 0;
    for (JsonNode p : items(client.as(TestUsers.ADMIN).get("/api/admin/projections").json())) {
      head = Math.max(head, p.path("position").asLong(0));
    }
    long start = System.nanoTime();
    Response started = client.as(TestUsers.ADMIN).post("/api/admin/projections/search/rebuild", null);
    if (started.status() != 202) {
      throw new IllegalStateException("the rebuild answered " + started);
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(options.catchUpMinutes()).toNanos();
    boolean done = false;
    while (!done && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(200);
      for (JsonNode p : items(client.as(TestUsers.ADMIN).get("/api/admin/projections").json())) {
        if (p.path("name").asText().equals("search")) {
          done = !p.path("rebuilding").asBoolean(false) && p.path("position").asLong(-1) >= head;
        }
      }
    }
    double seconds = RegistryBenchmark.seconds(start);
    table.add("H2", "full rebuild of the search index, s (" + agreements + " agreements, ledger head " + head + (done ? "" : ", NOT finished")
        + ")", seconds, null, null, null, "");
    rebuildRate = agreements / seconds;
    table.add("H2", "the rebuild, agreements/s", rebuildRate, "raw bulk insert into the read store, docs/s", rawBulk, null, "");
  }

  // ---------------------------------------------------------------------------------------------- helpers

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static void callers(int count, Callable<Void> body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        futures.add(pool.submit(body));
      }
      for (Future<Void> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
