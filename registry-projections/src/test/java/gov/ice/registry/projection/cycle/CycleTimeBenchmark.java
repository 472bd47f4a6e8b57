package gov.ice.registry.projection.cycle;

import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import gov.ice.registry.agreement.api.AgreementCleared;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementExecuted;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementSigned;
import gov.ice.registry.agreement.api.ClearanceGranted;
import gov.ice.registry.agreement.api.ClearanceRequested;
import gov.ice.registry.agreement.api.DataProfile;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.cycle.StageInterval.Unit;
import gov.ice.registry.projection.mongo.EmbeddedReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The cycle-time report's latency at N agreements on the embedded store (mongo-java-server, H2
 * MVStore backend in a temporary file), from the in-memory index as the API answers it, beside a
 * baseline that reads every document from the store per request and aggregates the same way.
 * The documents are made by the projection's own fold from synthetic events: seven offices a
 * draft, each answering within 0-30 business days, a tenth revised once, two thirds cleared, signed
 * and executed. Prints p50 and p99 per grouping, the index's load time and heap, and the load
 * average. Not a test: run its {@code main} with the test classpath ({@code -Dbench.agreements=100000}).
 */
public final class CycleTimeBenchmark {

  private static final Instant T0 = Instant.parse("2024-01-02T15:00:00Z");
  private static final List<StakeholderOffice> OFFICES = List.of(StakeholderOffice.IGP, StakeholderOffice.OPP,
      StakeholderOffice.IGP_RECORDS, StakeholderOffice.IGP_PRIVACY, StakeholderOffice.OPR, StakeholderOffice.OPLA,
      StakeholderOffice.HSI_LEISI);

  private CycleTimeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] sizes = Arrays.stream(System.getProperty("bench.agreements", "100000").split(","))
        .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    int samples = Integer.getInteger("bench.samples", 20);
    int rawSamples = Integer.getInteger("bench.raw-samples", 3);
    for (int n : sizes) {
      run(n, samples, rawSamples);
    }
  }

  private static void run(int n, int samples, int rawSamples) throws Exception {
    Path dir = Files.createTempDirectory("cycle-time-bench-");
    try (EmbeddedReadStore embedded = EmbeddedReadStore.start(dir.resolve("read-models.mv.db"));
        MongoClient client = MongoClients.create(embedded.connectionString())) {
      ReadStore store = new ReadStore(client.getDatabase("bench"), embedded::commit, true);
      long loading = System.nanoTime();
      load(store, n);
      embedded.commit();
      System.out.printf("%n== N = %,d agreements (H2 MVStore backend), made and inserted in %.1f s%n", n, seconds(loading));

      long heapBefore = usedHeapAfterGc();
      long start = System.nanoTime();
      CycleTimeIndex index = new CycleTimeIndex(store);
      double loadSeconds = seconds(start);
      long heapAfter = usedHeapAfterGc();
      long intervals = index.entries().stream().mapToLong(e -> e.spans().size()).sum();
      System.out.printf("index: %,d agreements, %,d intervals loaded in %.2f s; heap %.1f MB%n", index.entries().size(), intervals,
          loadSeconds, (heapAfter - heapBefore) / 1e6);

      LocalDate today = LocalDate.parse("2026-12-07");
      System.out.printf("%-40s %10s %10s%n", "report", "p50 ms", "p99 ms");
      for (CycleTimeReport.GroupBy groupBy : CycleTimeReport.GroupBy.values()) {
        CycleTimeReport.Request request = new CycleTimeReport.Request(LocalDate.parse("2024-01-01"), today, groupBy,
            Unit.BUSINESS_DAYS, Set.of(), today);
        row("index, groupBy " + groupBy, samples, () -> CycleTimeReport.of(index.entries(), request));
      }
      CycleTimeReport.Request office = new CycleTimeReport.Request(LocalDate.parse("2024-01-01"), today,
          CycleTimeReport.GroupBy.OFFICE, Unit.DAYS, Set.of("OPP"), today);
      row("index, one office, DAYS", samples, () -> CycleTimeReport.of(index.entries(), office));
      CycleTimeReport.Request all = new CycleTimeReport.Request(LocalDate.parse("2024-01-01"), today,
          CycleTimeReport.GroupBy.OFFICE, Unit.BUSINESS_DAYS, Set.of(), today);
      row("raw store: read all, aggregate", rawSamples, () -> CycleTimeReport.of(
          Flux.from(store.collection(CycleTimeProjection.COLLECTION).find().batchSize(1_000))
              .map(CycleTimeIndex::entry).collectList().block(Duration.ofMinutes(10)), all));
      System.out.printf("load average: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static void row(String name, int samples, Supplier<Object> query) {
    query.get();
    double[] t = new double[samples];
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      query.get();
      t[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(t);
    System.out.printf("%-40s %10.1f %10.1f%n", name, t[samples / 2], t[Math.min(samples - 1, (int) Math.ceil(samples * 0.99) - 1)]);
  }

  private static void load(ReadStore store, int n) {
    SplittableRandom random = new SplittableRandom(42);
    List<Document> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      batch.add(document(i, random));
      if (batch.size() == 1_000) {
        insert(store, batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      insert(store, batch);
    }
  }

  /** One agreement's document, folded by the projection from its synthetic events. */
  private static Document document(int i, SplittableRandom random) {
    AgreementId id = AgreementId.of(String.format("00000000-0000-0000-0000-%012d", i));
    List<RequiredStakeholder> required = OFFICES.subList(0, 3 + random.nextInt(OFFICES.size() - 2)).stream()
        .map(o -> new RequiredStakeholder(o, List.of(RuleId.of("S1")))).toList();
    AgreementProfile profile = new AgreementProfile("Agreement " + i, AgreementKind.values()[random.nextInt(AgreementKind.values().length)],
        Directorate.values()[random.nextInt(Directorate.values().length)],
        List.of(new Party("Party " + i, PartyKind.values()[random.nextInt(PartyKind.values().length)], "USA", false)),
        List.of(InformationCategory.values()[random.nextInt(InformationCategory.values().length)]),
        new DataProfile(true, false, Marking.NONE, false, false, false, false, false, false, false, null, false, false, false, false,
            false, false), null, null);
    Instant at = T0.plus(Duration.ofHours(random.nextInt(2 * 365 * 24)));
    List<AgreementEvent> events = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    events.add(new AgreementDrafted(id, 1, profile, Scope.IN_SCOPE, required));
    times.add(at);
    int version = 1;
    if (random.nextInt(10) == 0) {
      at = at.plus(Duration.ofDays(1 + random.nextInt(10)));
      events.add(new StakeholderConcurred(id, required.get(0).office(), 1, "ok", List.of()));
      times.add(at);
      at = at.plus(Duration.ofDays(1 + random.nextInt(10)));
      version = 2;
      events.add(new DraftRevised(id, 2, profile, Scope.IN_SCOPE, required, List.of(required.get(0).office())));
      times.add(at);
    }
    Instant versionAt = at;
    Instant last = at;
    boolean answeredAll = random.nextInt(4) != 0;
    List<Instant> answers = new ArrayList<>();
    for (int k = 0; k < required.size(); k++) {
      answers.add(versionAt.plus(Duration.ofHours(1 + random.nextInt(42 * 24))));
    }
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < required.size(); k++) {
      order.add(k);
    }
    order.sort((a, b) -> answers.get(a).compareTo(answers.get(b)));
    for (int k : order) {
      if (!answeredAll && k == order.get(order.size() - 1)) {
        break;
      }
      events.add(new StakeholderConcurred(id, required.get(k).office(), version, "ok", List.of()));
      times.add(answers.get(k));
      last = answers.get(k);
    }
    if (answeredAll && random.nextInt(10) < 9) {
      Instant t = last.plus(Duration.ofDays(1 + random.nextInt(5)));
      events.add(new ClearanceRequested(id, version));
      times.add(t);
      t = t.plus(Duration.ofDays(1 + random.nextInt(20)));
      events.add(new ClearanceGranted(id, version, "ok"));
      times.add(t);
      events.add(new AgreementCleared(id, version, List.of()));
      times.add(t);
      t = t.plus(Duration.ofDays(1 + random.nextInt(30)));
      events.add(new AgreementSigned(id, version, new SignatureRecord(PartyName.ICE, SignatoryAuthority.HSI_EAD, "S", "EAD",
          LocalDate.ofInstant(t, java.time.ZoneOffset.UTC)), List.of()));
      times.add(t);
      t = t.plus(Duration.ofDays(1 + random.nextInt(30)));
      LocalDate day = LocalDate.ofInstant(t, java.time.ZoneOffset.UTC);
      events.add(new AgreementExecuted(id, version, day, day, day.plusYears(2)));
      times.add(t);
    }
    Document document = new Document("facts", List.of());
    for (int k = 0; k < events.size(); k++) {
      DomainEventMessage<?> message = new GenericDomainEventMessage<>("Agreement", id.value(), k, events.get(k),
          org.axonframework.messaging.MetaData.emptyInstance(), java.util.UUID.randomUUID().toString(), times.get(k));
      document = CycleTimeProjection.next(document, events.get(k), message);
    }
    document.put("_id", id.value());
    document.put("version", (long) events.size());
    return document;
  }

  private static void insert(ReadStore store, List<Document> batch) {
    Mono.from(store.collection(CycleTimeProjection.COLLECTION).insertMany(batch, new InsertManyOptions().ordered(false))).block();
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
