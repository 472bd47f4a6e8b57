package gov.ice.registry.projection.metrics;

import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.projection.exigent.ExigentDeadlineQueries;
import gov.ice.registry.projection.notices.IssuedNotice;
import gov.ice.registry.projection.notices.NoticeQueries;
import gov.ice.registry.projection.repository.AgreementRepositoryQueries;
import gov.ice.registry.projection.reviews.ReviewQueries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gauges of the registry's state, computed from the read models on a schedule rather than per
 * scrape, so a scrape never waits on MongoDB. Tags are enum values only, never an id.
 *
 * <ul>
 *   <li>{@code registry.agreements{status}}: agreements in each status
 *   <li>{@code registry.reviews.overdue}, {@code registry.reviews.due.soon} (within 90 days)
 *   <li>{@code registry.exigent.deadlines.missed}
 *   <li>{@code registry.notices.recorded{type}}: notices in the ledger, by type (replay-safe,
 *       unlike a counter incremented by a projection)
 * </ul>
 */
@Component
public class ReadModelMetrics {

  public static final Period DUE_SOON = Period.ofDays(90);
  private static final Logger log = LoggerFactory.getLogger(ReadModelMetrics.class);

  private final AgreementRepositoryQueries agreements;
  private final ReviewQueries reviews;
  private final ExigentDeadlineQueries exigent;
  private final NoticeQueries notices;
  private final Clock clock;

  private final Map<AgreementStatus, AtomicLong> byStatus = new EnumMap<>(AgreementStatus.class);
  private final AtomicLong overdue = new AtomicLong();
  private final AtomicLong dueSoon = new AtomicLong();
  private final AtomicLong missed = new AtomicLong();
  private final AtomicLong reviewNotices = new AtomicLong();
  private final AtomicLong exigentNotices = new AtomicLong();

  public ReadModelMetrics(AgreementRepositoryQueries agreements, ReviewQueries reviews, ExigentDeadlineQueries exigent,
      NoticeQueries notices, Clock clock, MeterRegistry meters) {
    this.agreements = agreements;
    this.reviews = reviews;
    this.exigent = exigent;
    this.notices = notices;
    this.clock = clock;
    for (AgreementStatus status : AgreementStatus.values()) {
      AtomicLong value = new AtomicLong();
      byStatus.put(status, value);
      Gauge.builder("registry.agreements", value, AtomicLong::get).tag("status", status.name())
          .description("Agreements by status").register(meters);
    }
    Gauge.builder("registry.reviews.overdue", overdue, AtomicLong::get)
        .description("Active agreements whose biennial review is overdue").register(meters);
    Gauge.builder("registry.reviews.due.soon", dueSoon, AtomicLong::get)
        .description("Active agreements whose biennial review is due within 90 days").register(meters);
    Gauge.builder("registry.exigent.deadlines.missed", missed, AtomicLong::get)
        .description("Exigent transfers not memorialized by their deadline").register(meters);
    Gauge.builder("registry.notices.recorded", reviewNotices, AtomicLong::get).tag("type", IssuedNotice.REVIEW_DUE)
        .description("Notices recorded in the ledger").register(meters);
    Gauge.builder("registry.notices.recorded", exigentNotices, AtomicLong::get).tag("type", IssuedNotice.EXIGENT_DEADLINE_MISSED)
        .description("Notices recorded in the ledger").register(meters);
  }

  @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${registry.metrics.refresh-interval:PT30S}")
  void onSchedule() {
    refresh().block(Duration.ofMinutes(1));
  }

  /** Recomputes every gauge; a failure leaves the previous values and is logged. */
  public Mono<Void> refresh() {
    LocalDate today = LocalDate.now(clock);
    return Mono.when(
            agreements.countByStatus().doOnNext(counts -> counts.forEach((s, n) -> byStatus.get(s).set(n))),
            reviews.countOverdue(today).doOnNext(overdue::set),
            reviews.countDueWithin(today, DUE_SOON).doOnNext(dueSoon::set),
            exigent.countMissed(today).doOnNext(missed::set),
            notices.count(IssuedNotice.REVIEW_DUE).doOnNext(reviewNotices::set),
            notices.count(IssuedNotice.EXIGENT_DEADLINE_MISSED).doOnNext(exigentNotices::set))
        .onErrorResume(error -> {
          log.warn("read model metrics not refreshed: {}", error.toString());
          return Mono.empty();
        });
  }
}
