package gov.ice.registry.projection.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.ice.registry.projection.mongo.ReadStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import gov.ice.registry.projection.Workload;
import gov.ice.registry.projection.TestReadStore;
import gov.ice.registry.projection.RegistryInstance;
import gov.ice.registry.projection.ReadSideConvergenceTest;
import gov.ice.registry.projection.MutableClock;

/**
 * A read model whose batches keep failing is retried with a growing pause, and reported while it
 * fails: attempts in a row, since when, its last error, a failure counter and a failing gauge. Once
 * a batch commits it is failing no more.
 */
class ReadModelFailuresTest {

  /** The read model made to fail: the audit one, as in the crash of issue 19 (its processor's threads carry its name). */
  static final String FAILING = "audit";

  @Test
  void aFailingReadModelIsRetriedWithAGrowingPauseReportedAndClearedWhenItRecovers() {
    try (TestReadStore mongo = new TestReadStore()) {
      DataSource ledger = RegistryInstance.newLedger();
      MutableClock clock = new MutableClock(Instant.parse("2026-11-22T15:00:00Z"), ZoneId.of("America/New_York"));
      AtomicBoolean failing = new AtomicBoolean(true);
      List<Instant> attempts = new CopyOnWriteArrayList<>();
      // The store's commit is the last step of every batch's write: here it fails for one read model's batches.
      ReadStore failingStore = new ReadStore(mongo.store("live").database(), () -> {
        if (failing.get() && Thread.currentThread().getName().contains(FAILING)) {
          attempts.add(Instant.now());
          throw new IllegalStateException("the read store could not commit");
        }
      });
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      ReadModelFailures failures = new ReadModelFailures(Clock.systemUTC(), meters);
      try (RegistryInstance registry = RegistryInstance.start(ledger, clock, failingStore, mongo.syncDatabase("live"), failures)) {
        ReadSideConvergenceTest.varied(new Workload(registry.commands(), registry.eventStore()), "");

        await().atMost(Duration.ofSeconds(60)).until(() -> attempts.size() >= 5);
        // Axon's pooled processor releases a failed segment for 1, 2, 4, 8 ... seconds (at most 60), and
        // claims segments every 5 s (its token claim interval): pauses of about 5, 5, 5, then 8 s.
        Duration first = Duration.between(attempts.get(0), attempts.get(1));
        Duration fourth = Duration.between(attempts.get(3), attempts.get(4));
        assertThat(first).as("no retry in a hot loop").isGreaterThan(Duration.ofMillis(900));
        assertThat(fourth).as("the pause grows").isGreaterThan(first.plusMillis(1000));

        ReadModelFailures.Failing reported = failures.failing(FAILING).orElseThrow();
        assertThat(reported.attempts()).isGreaterThanOrEqualTo(4);
        assertThat(reported.since()).isBeforeOrEqualTo(attempts.get(0).plusMillis(100));
        assertThat(reported.lastError()).contains("the read store could not commit");
        assertThat(failures.failing("repository")).as("another read model").isEmpty();
        assertThat(meters.get("registry.read.model.failures").tag("read_model", FAILING).counter().count())
            .isGreaterThanOrEqualTo(4);
        assertThat(meters.get("registry.read.model.failing").tag("read_model", FAILING).gauge().value())
            .isEqualTo(1);
        assertThat(meters.get("registry.read.model.failing").tag("read_model", "repository").gauge().value()).isZero();

        failing.set(false);
        registry.awaitCaughtUp();
        await().atMost(Duration.ofSeconds(90)).until(() -> failures.failing(FAILING).isEmpty());
        assertThat(meters.get("registry.read.model.failing").tag("read_model", FAILING).gauge().value())
            .isZero();
      }
    }
  }

  /** The read model made to fail: the audit one, as in the crash of issue 19. */
  private static final class ProjectionGroupUnderTest {
    static final String NAME = "audit";
  }
}
