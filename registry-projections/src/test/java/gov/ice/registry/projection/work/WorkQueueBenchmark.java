package gov.ice.registry.projection.work;

import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.projection.mongo.EmbeddedReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.bson.Document;
import reactor.core.publisher.Flux;

/**
 * Work-queue latency at N agreements on the embedded store (mongo-java-server, H2 MVStore backend,
 * as the registry runs it), from the in-memory index, per role: one page of 100 (what /work shows)
 * and its count, p50 and p99. The documents are shaped as the work projection writes them, with a
 * mix like the benchmark's: 80% active (a review item each, due over two years, so about 15%
 * overdue), 12% drafts awaiting two to five offices, 4% in clearance, 4% cleared awaiting their
 * Executive Agent. Not a test: run its {@code main} with the test classpath ({@code -Dbench.agreements=100000}).
 */
public final class WorkQueueBenchmark {

  private WorkQueueBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("bench.agreements", 100_000);
    int samples = Integer.getInteger("bench.samples", 200);
    LocalDate today = LocalDate.of(2026, 12, 7);
    Path dir = Files.createTempDirectory("work-bench-");
    try (EmbeddedReadStore embedded = EmbeddedReadStore.start(dir.resolve("read-models.mv.db"));
        MongoClient client = MongoClients.create(embedded.connectionString())) {
      ReadStore store = new ReadStore(client.getDatabase("bench"), embedded::commit, true);
      long start = System.nanoTime();
      load(store, n, today);
      embedded.commit();
      System.out.printf("%n== N = %,d agreements, inserted in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
      start = System.nanoTime();
      WorkIndex index = new WorkIndex(store);
      System.out.printf("index loaded in %.2f s%n", (System.nanoTime() - start) / 1e9);
      WorkQueries queries = new WorkQueries(store, index);
      for (String role : List.of("PROGRAM_OFFICE", "IGP", "STAKEHOLDER_OPLA", "SIGNATORY_HSI_EAD", "DIRECTOR")) {
        long total = queries.queue(List.of(role), today, 0, 100).block().total();
        double[] t = latencies(samples, () -> queries.queue(List.of(role), today, 0, 100).block());
        System.out.printf("work queue %-18s total %,7d   page of 100 + count: p50 %.2f ms, p99 %.2f ms%n", role, total, t[0], t[1]);
      }
      System.out.printf("load average: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static void load(ReadStore store, int n, LocalDate today) {
    Random random = new Random(42);
    StakeholderOffice[] offices = StakeholderOffice.values();
    List<Document> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = String.format("agr-%07d", i);
      LocalDate since = today.minusDays(random.nextInt(120));
      List<Document> items = new ArrayList<>();
      int kind = random.nextInt(100);
      String status;
      if (kind < 80) {
        status = "ACTIVE";
        LocalDate due = today.minusDays(110).plusDays(random.nextInt(730));
        items.add(item("review/" + due + "/due", WorkReason.REVIEW_DUE, null, null, due.minusDays(90), due.minusDays(90).toString(),
            due.minusDays(1).toString(), List.of("PROGRAM_OFFICE")));
        items.add(item("review/" + due + "/overdue", WorkReason.REVIEW_OVERDUE, null, null, due, due.toString(), WorkItem.ALWAYS_UNTIL,
            List.of("IGP", "PROGRAM_OFFICE")));
      } else if (kind < 92) {
        status = "DRAFT";
        int count = 2 + random.nextInt(4);
        for (int o = 0; o < count; o++) {
          StakeholderOffice office = offices[random.nextInt(offices.length)];
          items.add(item("concurrence/" + office + "/1", WorkReason.AWAITING_CONCURRENCE, office, null, since, WorkItem.ALWAYS_FROM,
              WorkItem.ALWAYS_UNTIL, List.of("PROGRAM_OFFICE", "STAKEHOLDER_" + office)));
        }
      } else if (kind < 96) {
        status = "IN_CLEARANCE";
        items.add(item("clearance/1", WorkReason.AWAITING_CLEARANCE, StakeholderOffice.IGP, null, since, WorkItem.ALWAYS_FROM,
            WorkItem.ALWAYS_UNTIL, List.of("IGP", "PROGRAM_OFFICE")));
      } else {
        status = "CLEARED";
        SignatoryAuthority authority = random.nextBoolean() ? SignatoryAuthority.HSI_EAD : SignatoryAuthority.ERO_EAD;
        items.add(item("signature/" + authority + "/1", WorkReason.AWAITING_SIGNATURE, null, authority, since, WorkItem.ALWAYS_FROM,
            WorkItem.ALWAYS_UNTIL, List.of("PROGRAM_OFFICE", "SIGNATORY_" + authority)));
      }
      batch.add(new Document("_id", id).append("title", "Agreement " + i).append("status", status).append("draftVersion", 1)
          .append("items", items).append("version", 5L));
      if (batch.size() == 1_000) {
        insert(store, batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      insert(store, batch);
    }
  }

  private static Document item(String key, WorkReason reason, StakeholderOffice office, SignatoryAuthority authority, LocalDate since,
      String from, String until, List<String> holders) {
    return WorkProjection.stored(new WorkItem(key, reason, office, authority, since, from, until, holders, 0));
  }

  private static void insert(ReadStore store, List<Document> documents) {
    Flux.from(store.collection(WorkProjection.COLLECTION).insertMany(documents, new InsertManyOptions().ordered(false)))
        .blockLast(ReadStore.WRITE_TIMEOUT);
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
}
