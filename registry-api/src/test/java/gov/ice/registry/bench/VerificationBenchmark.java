package gov.ice.registry.bench;

import gov.ice.registry.integrity.LedgerIntegrity;
import gov.ice.registry.integrity.LedgerVerification;
import gov.ice.registry.chain.SigningKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Whole-ledger verification over a given event store: events per second, best of a few runs. */
final class VerificationBenchmark {

  private VerificationBenchmark() {}

  record Result(long events, double perSecond, double perCpuSecond, boolean verified) {}

  static Result measure(DataSource dataSource, int runs) {
    LedgerIntegrity integrity = LedgerIntegrity.over(dataSource, EventSchema.builder().build(),
        new DataSourceTransactionManager(dataSource), SigningKeys.generate(new SecureRandom()), Clock.systemUTC(),
        new SimpleMeterRegistry());
    Result best = null;
    for (int run = 0; run < runs; run++) {
      double cpu = RegistryBenchmark.cpuSeconds();
      long start = System.nanoTime();
      LedgerVerification verification = integrity.verifier().verifyLedger();
      double seconds = (System.nanoTime() - start) / 1e9;
      long events = verification.eventsChecked();
      Result result = new Result(events, events / seconds, events / (RegistryBenchmark.cpuSeconds() - cpu), verification.verified());
      if (best == null || result.perSecond() > best.perSecond()) {
        best = result;
      }
    }
    return best;
  }
}
