package gov.ice.registry.operations;

import gov.ice.registry.integrity.LedgerIntegrity;
import gov.ice.registry.chain.Checkpoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges an operator alerts on, read from the ledger's database on a schedule (never per scrape)
 * and therefore the same on every instance, whichever one ran the job:
 *
 * <ul>
 *   <li>{@code registry.ledger.checkpoint.age} (seconds): since the latest signed checkpoint;
 *   <li>{@code registry.ledger.verification.last.success.timestamp} (Unix seconds): the latest successful
 *       verification of the whole ledger, here or by any instance's checkpoint (a checkpoint is
 *       only signed over a ledger that verified);
 *   <li>{@code registry.jobs.last.started.timestamp{job}} (Unix seconds): when the job lock was last taken
 *       for each scheduled job, by whichever instance ran it.
 * </ul>
 *
 * <p>A gauge without a value yet reports NaN: absent data, not a misleading zero.
 */
@Component
class OperationsMetrics {

  private static final Logger log = LoggerFactory.getLogger(OperationsMetrics.class);

  private final LedgerIntegrity integrity;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final MeterRegistry meters;
  private final AtomicReference<Instant> checkpointAt = new AtomicReference<>();
  private final Map<String, AtomicReference<Instant>> jobs = new ConcurrentHashMap<>();

  OperationsMetrics(LedgerIntegrity integrity, DataSource ledgerDataSource, Clock clock, MeterRegistry meters) {
    this.integrity = integrity;
    this.jdbc = new JdbcTemplate(ledgerDataSource);
    this.clock = clock;
    this.meters = meters;
    Gauge.builder("registry.ledger.checkpoint.age", this, m -> m.checkpointAgeSeconds())
        .description("Seconds since the latest signed ledger checkpoint").baseUnit("seconds").register(meters);
    Gauge.builder("registry.ledger.verification.last.success.timestamp", this, m -> m.lastVerification())
        .description("When the whole ledger last verified, as Unix time").baseUnit("seconds").register(meters);
  }

  @Scheduled(fixedDelayString = "${registry.metrics.refresh-interval:PT30S}", initialDelay = 0)
  void refresh() {
    try {
      checkpointAt.set(integrity.checkpoints().latest().map(Checkpoint::at).map(Instant::parse).orElse(null));
      ZoneId zone = lockClockZone();
      jdbc.query("SELECT name, locked_at FROM " + JobLockConfiguration.TABLE, (RowCallbackHandler)
          rs -> job(rs.getString(1)).set(rs.getObject(2, LocalDateTime.class).atZone(zone).toInstant()));
    } catch (RuntimeException e) {
      // The store is down: the gauges keep their last values, the health check and the 5xx alert tell the operator.
      log.debug("Operations gauges not refreshed: {}", e.getMessage());
    }
  }

  /**
   * The lock provider writes the database's clock into a TIMESTAMP without zone: PostgreSQL's in
   * UTC, H2's (an embedded database, in this JVM) in the JVM's zone.
   */
  private ZoneId lockClockZone() {
    String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
    return "H2".equalsIgnoreCase(product) ? ZoneId.systemDefault() : ZoneOffset.UTC;
  }

  private AtomicReference<Instant> job(String name) {
    return jobs.computeIfAbsent(name, n -> {
      AtomicReference<Instant> value = new AtomicReference<>();
      // The label is "task", never "job" or "instance": Prometheus attaches those two to every scraped
      // series itself and renames a metric's own to exported_job, which no alert or panel selects.
      Gauge.builder("registry.jobs.last.started.timestamp", value, v -> seconds(Optional.ofNullable(v.get())))
          .description("When a scheduled job last started on any instance, as Unix time").baseUnit("seconds")
          .tag("task", n).register(meters);
      return value;
    });
  }

  private double checkpointAgeSeconds() {
    Instant at = checkpointAt.get();
    return at == null ? Double.NaN : Math.max(0, clock.millis() - at.toEpochMilli()) / 1000.0;
  }

  private double lastVerification() {
    Optional<Instant> here = integrity.verifier().lastVerified();
    Optional<Instant> checkpoint = Optional.ofNullable(checkpointAt.get());
    return seconds(here.isPresent() && checkpoint.isPresent()
        ? Optional.of(here.get().isAfter(checkpoint.get()) ? here.get() : checkpoint.get())
        : here.or(() -> checkpoint));
  }

  private static double seconds(Optional<Instant> at) {
    return at.map(i -> i.toEpochMilli() / 1000.0).orElse(Double.NaN);
  }
}
