package gov.ice.registry.projection.audit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import gov.ice.registry.projection.mongo.EmbeddedReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Approvals audit latency on the embedded store at N approvals, by the plain queries and by the
 * approval index in the same run, on mongo-java-server with its H2 MVStore backend (a temporary
 * file) as the registry runs it: approval documents shaped as the audit projection writes them
 * (a few per agreement, a minute apart, eight actors, five offices), written with unordered bulk
 * inserts. Prints p50 and p99 per query and path (a page is the web page's count plus its 100
 * rows), the time to load the index and the heap it holds. Not a test: run its {@code main} with
 * the test classpath ({@code -Dbench.approvals=50000}).
 */
public final class ApprovalIndexBenchmark {

  private static final String[] ACTORS = {"pat", "ivy", "pia", "sam", "dee", "ola", "rae", "kim"};
  private static final String[] OFFICES = {"IGP", "IGP_PRIVACY", "OPLA", "HSI_EAD", "ICE_DIRECTOR"};
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private ApprovalIndexBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] sizes = Arrays.stream(System.getProperty("bench.approvals", "50000").split(","))
        .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    int samples = Integer.getInteger("bench.samples", 200);
    int plainSamples = Integer.getInteger("bench.plain-samples", 10);
    for (int n : sizes) {
      run(n, samples, plainSamples);
    }
  }

  private static void run(int n, int samples, int plainSamples) throws Exception {
    Path dir = Files.createTempDirectory("approvals-bench-");
    try (EmbeddedReadStore embedded = EmbeddedReadStore.start(dir.resolve("read-models.mv.db"));
        MongoClient client = MongoClients.create(embedded.connectionString())) {
      ReadStore store = new ReadStore(client.getDatabase("bench"), embedded::commit, true);
      long loading = System.nanoTime();
      load(store, n);
      embedded.commit();
      System.out.printf("%n== N = %,d approvals (H2 MVStore backend), inserted in %.1f s%n", n, seconds(loading));

      long heapBefore = usedHeapAfterGc();
      long start = System.nanoTime();
      ApprovalIndex index = new ApprovalIndex(store);
      double loadSeconds = seconds(start);
      long heapAfter = usedHeapAfterGc();
      System.out.printf("index: %,d entries loaded from the store in %.2f s; heap %.1f MB (%,d bytes per approval)%n",
          index.size(ApprovalProjection.COLLECTION), loadSeconds, (heapAfter - heapBefore) / 1e6, (heapAfter - heapBefore) / n);

      ApprovalQueries plain = new ApprovalQueries(store);
      ApprovalQueries indexed = new ApprovalQueries(store, index);
      // The approvals span about n / 2 minutes: a day from a quarter in selects a few thousand.
      Instant middle = T0.plusSeconds(60L * n / 8);
      Instant nextDay = middle.plusSeconds(86_400);
      inChunks(store, index, Math.min(n, 10_000));
      Map<String, ApprovalSearch> searches = new LinkedHashMap<>();
      searches.put("no filter", new ApprovalSearch(null, null, null, null));
      searches.put("actor", new ApprovalSearch("PAT", null, null, null));
      searches.put("office + one day", new ApprovalSearch(null, "igp", middle, nextDay));
      searches.put("actor+office+range", new ApprovalSearch("sam", "HSI_EAD", T0, middle));
      System.out.printf("%-30s %12s %12s %12s %12s %6s%n", "query", "plain p50 ms", "plain p99 ms", "index p50 ms",
          "index p99 ms", "same");
      for (Map.Entry<String, ApprovalSearch> q : searches.entrySet()) {
        ApprovalSearch search = q.getValue();
        long total = plain.countInStore(search).block();
        int last = (int) Math.max(0, (total - 1) / 100);
        row("page 0 (count + 100): " + q.getKey(), samples, plainSamples,
            () -> List.of(plain.countInStore(search).block(), plain.scan(search, 0, 100).collectList().block()),
            () -> List.of(indexed.count(search).block(), indexed.find(search, 0, 100).collectList().block()));
        row("last page " + last + ": " + q.getKey(), samples, plainSamples,
            () -> plain.scan(search, last, 100).collectList().block(),
            () -> indexed.find(search, last, 100).collectList().block());
      }
      ApprovalSearch day = new ApprovalSearch(null, null, middle, nextDay);
      row("CSV stream, one day", Math.max(10, samples / 10), plainSamples,
          () -> plain.scan(day, 0, 0).collectList().block(), () -> indexed.find(day).collectList().block());
      row("CSV stream, all", Math.max(5, samples / 40), Math.max(3, plainSamples / 3),
          () -> plain.scan(new ApprovalSearch(null, null, null, null), 0, 0).count().block(),
          () -> indexed.find(new ApprovalSearch(null, null, null, null)).count().block());
      System.out.printf("load average: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** What reading documents by {@code _id $in} costs per document, by chunk size: the unpaged stream's reads. */
  private static void inChunks(ReadStore store, ApprovalIndex index, int count) {
    List<String> ids = index.page(ApprovalProjection.COLLECTION, new ApprovalSearch(null, null, null, null), 0, count);
    for (int chunk : new int[] {50, 100, 500, 2_000}) {
      Supplier<Object> read = () -> Flux.fromIterable(ids).buffer(chunk)
          .concatMap(part -> Flux.from(store.collection(ApprovalProjection.COLLECTION).find(Filters.in("_id", part))), 1)
          .count().block();
      double[] t = latencies(3, read);
      System.out.printf("%,d documents by _id $in in chunks of %,d: %.1f ms (%.3f ms per document)%n", count, chunk, t[0],
          t[0] / count);
    }
  }

  private static void row(String name, int samples, int plainSamples, Supplier<Object> plain, Supplier<Object> indexed) {
    boolean same = plain.get().equals(indexed.get());
    double[] p = latencies(plainSamples, plain);
    double[] i = latencies(samples, indexed);
    System.out.printf("%-30s %12.1f %12.1f %12.2f %12.2f %6s%n", name, p[0], p[1], i[0], i[1], same);
  }

  /** p50 and p99 in ms, after a tenth as many warm-up runs. */
  private static double[] latencies(int samples, Supplier<Object> query) {
    for (int i = 0; i < Math.max(2, samples / 10); i++) {
      query.get();
    }
    long[] nanos = new long[samples];
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      query.get();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return new double[] {nanos[samples / 2] / 1e6, nanos[(int) Math.min(samples - 1, Math.ceil(samples * 0.99) - 1)] / 1e6};
  }

  /** {@code n} approvals: agreements of one to four approvals, a minute apart, several agreements at the same instant. */
  private static void load(ReadStore store, int n) {
    SplittableRandom random = new SplittableRandom(8);
    List<Document> batch = new ArrayList<>();
    int agreement = 0;
    for (int i = 0; i < n; ) {
      String agreementId = String.format("AG-%06d", agreement++);
      int approvals = 1 + random.nextInt(4);
      for (int k = 0; k < approvals && i < n; k++, i++) {
        String actor = ACTORS[random.nextInt(ACTORS.length)];
        String office = random.nextInt(6) == 0 ? null : OFFICES[random.nextInt(OFFICES.length)];
        long sequence = 1 + k;
        batch.add(new Document("_id", agreementId + ":" + sequence + ":0")
            .append("type", office == null ? "SIGNATURE" : "CONCURRENCE")
            .append("decision", "CONCUR")
            .append("office", office)
            .append("draftVersion", 1)
            .append("comment", "Reviewed the data flows and retention; concur with the terms as drafted.")
            .append("rules", List.of("S1", "S3"))
            .append("party", office == null ? "Texas Department of Public Safety" : null)
            .append("signatoryName", office == null ? "Casey Colonel" : null)
            .append("agreementId", agreementId)
            .append("title", "Sharing of law enforcement information with a partner (" + agreementId + ")")
            .append("sequence", sequence)
            .append("at", Date.from(T0.plusSeconds(60L * (i - k) / 2 + 60L * k)))
            .append("actorUsername", actor)
            .append("actorKey", actor)
            .append("actorDisplayName", actor.toUpperCase() + " Example")
            .append("actorRoles", List.of("STAKEHOLDER_IGP")));
        if (batch.size() == 1_000) {
          insert(store, batch);
          batch = new ArrayList<>();
        }
      }
    }
    if (!batch.isEmpty()) {
      insert(store, batch);
    }
  }

  private static void insert(ReadStore store, List<Document> batch) {
    Mono.from(store.collection(ApprovalProjection.COLLECTION).insertMany(batch, new InsertManyOptions().ordered(false))).block();
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
