package gov.ice.registry.projection.repository;

import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.ExecutedAgreementImported;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.projection.VersionedWrite;
import gov.ice.registry.projection.mongo.EmbeddedReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * Search latency on the embedded store at N agreements, by the aggregation and by the search
 * index in the same run, on mongo-java-server with its H2 MVStore backend (a temporary file) as
 * the registry runs it: agreement-sized documents (the repository projection's own, for a mix of
 * imported active agreements and drafts with one party each, as the registry benchmark's import),
 * written with unordered bulk inserts. Prints p50 and p99 per query and path, the time to load
 * the index from the store, and the heap it holds (used heap after full GCs, with and without
 * it). Not a test: run its {@code main} with the test classpath ({@code -Dbench.agreements=10000,50000}).
 */
public final class SearchIndexBenchmark {

  private static final String[] STATES = {"Texas", "Arizona", "California", "Florida", "New York", "Georgia", "Illinois", "Ohio"};
  private static final String[] LOCAL = {"County Sheriff's Office", "Police Department", "Metropolitan Police", "Port Authority"};
  private static final String[][] FOREIGN = {{"MX", "Mexico"}, {"CA", "Canada"}, {"GB", "United Kingdom"}, {"DE", "Germany"}};

  private SearchIndexBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] sizes = Arrays.stream(System.getProperty("bench.agreements", "10000,50000").split(","))
        .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    int samples = Integer.getInteger("bench.samples", 200);
    int aggregationSamples = Integer.getInteger("bench.aggregation-samples", 20);
    for (int n : sizes) {
      run(n, samples, aggregationSamples);
    }
  }

  private static void run(int n, int samples, int aggregationSamples) throws Exception {
    Path dir = Files.createTempDirectory("search-bench-");
    try (EmbeddedReadStore embedded = EmbeddedReadStore.start(dir.resolve("read-models.mv.db"));
        MongoClient client = MongoClients.create(embedded.connectionString())) {
      ReadStore store = new ReadStore(client.getDatabase("bench"), embedded::commit, true);
      long loading = System.nanoTime();
      load(store, n);
      embedded.commit();
      System.out.printf("%n== N = %,d agreements (H2 MVStore backend), inserted in %.1f s%n", n, seconds(loading));

      long heapBefore = usedHeapAfterGc();
      long start = System.nanoTime();
      AgreementSearchIndex index = new AgreementSearchIndex(store);
      double loadSeconds = seconds(start);
      long heapAfter = usedHeapAfterGc();
      System.out.printf("index: %,d entries loaded from the store in %.2f s; heap %.1f MB (%,d bytes per agreement)%n",
          index.size(AgreementDocuments.COLLECTION), loadSeconds, (heapAfter - heapBefore) / 1e6, (heapAfter - heapBefore) / n);

      AgreementRepositoryQueries aggregated = new AgreementRepositoryQueries(store);
      AgreementRepositoryQueries indexed = new AgreementRepositoryQueries(store, index);
      Map<String, AgreementSearch> queries = new LinkedHashMap<>();
      queries.put("no filter", AgreementSearch.all());
      queries.put("three filters", new AgreementSearch(List.of(AgreementStatus.ACTIVE), null,
          List.of(InformationCategory.LAW_ENFORCEMENT), List.of(PartyKind.STATE), null, null, null, null, 0, 20, null));
      queries.put("free text", new AgreementSearch(null, null, null, null, null, null, null, "sheriff", 0, 20, null));
      queries.put("deep page (" + n / 20 / 2 + ")", new AgreementSearch(null, null, null, null, null, null, null, null,
          n / 20 / 2, 20, null));
      queries.put("sorted by -updatedAt", new AgreementSearch(null, null, null, null, null, null, null, null, 0, 20,
          AgreementSearch.Sort.parse("-updatedAt")));
      System.out.printf("%-24s %12s %12s %12s %12s %14s %8s%n", "search", "agg p50 ms", "agg p99 ms", "index p50 ms",
          "index p99 ms", "select p50/p99", "same");
      for (Map.Entry<String, AgreementSearch> q : queries.entrySet()) {
        AgreementSearch search = q.getValue();
        boolean same = indexed.search(search).block().equals(aggregated.aggregate(search).block());
        double[] agg = latencies(aggregationSamples, s -> aggregated.aggregate(s).block(), search);
        double[] idx = latencies(samples, s -> indexed.search(s).block(), search);
        // The index's own work, in this thread: no scheduler hop, no read of the page's documents.
        double[] select = latencies(samples, s -> index.select(AgreementDocuments.COLLECTION, s), search);
        System.out.printf("%-24s %12.1f %12.1f %12.2f %12.2f %6.2f/%-7.2f %8s%n", q.getKey(), agg[0], agg[1], idx[0], idx[1],
            select[0], select[1], same);
      }
      List<Party> parties = List.of(AgreementFixtures.party("Texas Department of Public Safety", PartyKind.STATE, "US"));
      List<InformationCategory> categories = List.of(InformationCategory.LAW_ENFORCEMENT);
      double[] existingScan = latencies(aggregationSamples,
          x -> new AgreementRepositoryQueries(store).existingAgreements(parties, categories, null).collectList().block(), null);
      double[] existingIndex = latencies(samples,
          x -> indexed.existingAgreements(parties, categories, null).collectList().block(), null);
      System.out.printf("%-24s %12.1f %12.1f %12.2f %12.2f %14s %8s%n", "existing agreements", existingScan[0], existingScan[1],
          existingIndex[0], existingIndex[1], "", "");
      System.out.printf("load average: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** p50 and p99 in ms, after a tenth as many warm-up runs. */
  private static double[] latencies(int samples, Function<AgreementSearch, Object> query, AgreementSearch search) {
    for (int i = 0; i < Math.max(2, samples / 10); i++) {
      query.apply(search);
    }
    long[] nanos = new long[samples];
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      query.apply(search);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return new double[] {nanos[samples / 2] / 1e6, nanos[(int) Math.min(samples - 1, Math.ceil(samples * 0.99) - 1)] / 1e6};
  }

  private static void load(ReadStore store, int n) {
    List<Document> batch = new ArrayList<>();
    Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < n; i++) {
      Document d = AgreementDocuments.next(null, event(i), t0.plusSeconds(37L * i));
      d.put("_id", java.util.UUID.randomUUID().toString());
      d.put(VersionedWrite.VERSION, 1L);
      batch.add(d);
      if (batch.size() == 1_000 || i == n - 1) {
        Mono.from(store.collection(AgreementDocuments.COLLECTION).insertMany(batch, new InsertManyOptions().ordered(false))).block();
        batch = new ArrayList<>();
      }
    }
  }

  /** The registry benchmark's mix: three in four imported as executed, the rest drafts; one party each. */
  private static AgreementEvent event(int n) {
    SplittableRandom random = new SplittableRandom(8L + n);
    AgreementId id = AgreementId.of(java.util.UUID.randomUUID().toString());
    String partyName;
    PartyKind kind;
    String country = "US";
    if (random.nextInt(10) < 2) {
      String[] foreign = FOREIGN[random.nextInt(FOREIGN.length)];
      partyName = "Ministry of the Interior of " + foreign[1];
      kind = PartyKind.FOREIGN_GOVERNMENT;
      country = foreign[0];
    } else if (random.nextBoolean()) {
      partyName = STATES[random.nextInt(STATES.length)] + " Department of Public Safety";
      kind = PartyKind.STATE;
    } else {
      partyName = STATES[random.nextInt(STATES.length)] + " " + LOCAL[random.nextInt(LOCAL.length)] + " " + (n % 97);
      kind = PartyKind.LOCAL;
    }
    List<InformationCategory> categories = random.nextBoolean() ? List.of(InformationCategory.LAW_ENFORCEMENT)
        : List.of(InformationCategory.LAW_ENFORCEMENT, InformationCategory.HOMELAND_SECURITY);
    LocalDate effective = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(1400));
    var profile = AgreementFixtures.profile("Sharing of law enforcement information with " + partyName + " (" + n + ")",
        AgreementKind.values()[random.nextInt(4)], random.nextBoolean() ? Directorate.HSI : Directorate.ERO,
        List.of(AgreementFixtures.party(partyName, kind, country)), categories, random.nextBoolean(),
        "Share law enforcement information with " + partyName + ".", effective, null);
    if (random.nextInt(4) == 0) {
      return new AgreementDrafted(id, 1, profile, Scope.IN_SCOPE, AgreementFixtures.stakeholders());
    }
    return new ExecutedAgreementImported(id, profile, Scope.IN_SCOPE, AgreementFixtures.stakeholders(), List.of(
        new SignatureRecord(PartyName.ICE, SignatoryAuthority.HSI_EAD, "Sam Signatory", "EAD", effective),
        new SignatureRecord(PartyName.of(partyName), null, "Casey Colonel", "Director", effective)),
        effective, null, effective.plusYears(2), "HSI-MOU-" + n);
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
