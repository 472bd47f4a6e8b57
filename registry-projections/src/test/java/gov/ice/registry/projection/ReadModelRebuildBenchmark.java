package gov.ice.registry.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import gov.ice.registry.projection.processing.TrackingProjections;

/**
 * How fast each read model is built from a ledger of N agreements (half imported as executed,
 * half drafted with every required concurrence), all five at once as after a lost read store, on
 * mongo-java-server in memory and the JDBC event store on H2 in memory. Prints events per second
 * per read model. Not a test: run its {@code main} with the test classpath
 * ({@code -Dbench.agreements=2000}).
 */
public final class ReadModelRebuildBenchmark {

  private ReadModelRebuildBenchmark() {}

  public static void main(String[] args) throws Exception {
    int agreements = Integer.getInteger("bench.agreements", 2000);
    DataSource ledger = RegistryInstance.newLedger();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T15:00:00Z"), ZoneId.of("America/New_York"));
    try (TestReadStore mongo = new TestReadStore(); RegistryInstance writer = RegistryInstance.start(ledger, clock, null, null)) {
      Workload work = new Workload(writer.commands(), writer.eventStore());
      long loading = System.nanoTime();
      for (int i = 0; i < agreements; i++) {
        if (i % 2 == 0) {
          work.importActive("bench-" + i, "Party " + (i % 50), LocalDate.of(2023, 1 + i % 12, 1), null, LocalDate.of(2023, 1 + i % 12, 1), null);
        } else {
          work.concurAll(work.draft("bench-" + i, "Party " + (i % 50), LocalDate.of(2027, 1, 1), null));
        }
      }
      long head = writer.eventStore().createHeadToken().position().orElseThrow();
      System.out.printf("ledger: %d agreements, head at %d, loaded in %.1f s%n", agreements, head, (System.nanoTime() - loading) / 1e9);

      long start = System.nanoTime();
      Map<String, Double> seconds = new LinkedHashMap<>();
      try (RegistryInstance readSide = RegistryInstance.start(ledger, clock, mongo.store("bench"), mongo.syncDatabase("bench"))) {
        long deadline = start + 1_800_000_000_000L;
        while (seconds.size() < TrackingProjections.GROUPS.size() && System.nanoTime() < deadline) {
          for (String group : TrackingProjections.GROUPS) {
            var status = readSide.processor(group).processingStatus();
            if (!seconds.containsKey(group) && !status.isEmpty() && status.values().stream()
                .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head)) {
              seconds.put(group, (System.nanoTime() - start) / 1e9);
            }
          }
          // Polling, not spinning: the read models share the machine's cores with this loop.
          LockSupport.parkNanos(5_000_000);
        }
      }
      System.out.printf("%-12s %10s %12s%n", "read model", "seconds", "events/s");
      seconds.forEach((group, s) -> System.out.printf("%-12s %10.1f %12.0f%n", group, s, head / s));
    }
  }
}
