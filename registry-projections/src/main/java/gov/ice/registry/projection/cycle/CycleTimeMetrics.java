package gov.ice.registry.projection.cycle;

import gov.ice.registry.calendar.BusinessDays;
import gov.ice.registry.cycle.Stage;
import gov.ice.registry.cycle.StageInterval.Outcome;
import gov.ice.registry.projection.cycle.CycleTimeIndex.Entry;
import gov.ice.registry.projection.cycle.CycleTimeIndex.Span;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The cycle time for Prometheus. Tags are a stage and the office (or authority, dispute level,
 * {@code PROGRAM_OFFICE}, {@code SIGNATORIES}) that held it: bounded sets, never an id.
 * <ul>
 *   <li>{@code registry.stage.duration.business.days{stage,office}}: a histogram of the business
 *       days each completed interval took, buckets 1, 2, 5, 10, 20, 40, 60, 120 and 250. Only
 *       intervals completed since this instance started are observed: a replay or a rebuild folds
 *       old events again, and counting them again would count them twice.
 *   <li>{@code registry.stage.open.items{stage,office}} and
 *       {@code registry.stage.oldest.open.business.days{stage,office}}: the intervals open now and
 *       the age of the oldest, recomputed from the index on the read-model metrics' schedule.
 * </ul>
 */
@Component
public class CycleTimeMetrics {

  public static final String DURATION = "registry.stage.duration.business.days";
  public static final String OPEN = "registry.stage.open.items";
  public static final String OLDEST = "registry.stage.oldest.open.business.days";
  static final double[] BUCKETS = {1, 2, 5, 10, 20, 40, 60, 120, 250};

  private final CycleTimeIndex index;
  private final Clock clock;
  private final MeterRegistry meters;
  private final long since;
  private final MultiGauge open;
  private final MultiGauge oldest;

  public CycleTimeMetrics(CycleTimeIndex index, Clock clock, MeterRegistry meters) {
    this.index = index;
    this.clock = clock;
    this.meters = meters;
    this.since = Instant.now(clock).toEpochMilli();
    this.open = MultiGauge.builder(OPEN).description("Stage intervals open now, by stage and holding office").register(meters);
    this.oldest = MultiGauge.builder(OLDEST)
        .description("Business days the oldest open interval has run, by stage and holding office").register(meters);
    index.onChange(this::observe);
  }

  /** A histogram observation for each interval {@code after} completed that {@code before} had not. */
  void observe(Entry before, Entry after) {
    if (after.imported()) {
      return;
    }
    Set<Span> known = before == null ? Set.of() : new HashSet<>(before.spans());
    for (Span span : after.spans()) {
      if (span.outcome() == Outcome.COMPLETED && span.endMillis() >= since && !known.contains(span) && span.holder() != null) {
        summary(span.stage(), span.holder()).record(span.businessDays());
      }
    }
  }

  DistributionSummary summary(Stage stage, String office) {
    return DistributionSummary.builder(DURATION)
        .description("Business days each completed stage interval took, by stage and holding office")
        .tags("stage", stage.name(), "office", office)
        .serviceLevelObjectives(BUCKETS)
        .register(meters);
  }

  @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${registry.metrics.refresh-interval:PT30S}")
  void onSchedule() {
    refresh();
  }

  /** Recomputes the open-item gauges from the index. */
  public void refresh() {
    LocalDate today = LocalDate.now(clock);
    record Key(Stage stage, String office) {}
    Map<Key, long[]> counts = new HashMap<>();
    Map<Integer, Integer> ages = new HashMap<>();
    for (Entry entry : index.entries()) {
      if (entry.imported()) {
        continue;
      }
      for (Span span : entry.spans()) {
        if (span.outcome() != Outcome.OPEN || span.holder() == null) {
          continue;
        }
        int age = ages.computeIfAbsent(span.startDay(), d -> {
          LocalDate start = LocalDate.ofEpochDay(d);
          return today.isAfter(start) ? BusinessDays.between(start, today) : 0;
        });
        long[] c = counts.computeIfAbsent(new Key(span.stage(), span.holder()), k -> new long[2]);
        c[0]++;
        c[1] = Math.max(c[1], age);
      }
    }
    List<MultiGauge.Row<?>> openRows = new ArrayList<>();
    List<MultiGauge.Row<?>> oldestRows = new ArrayList<>();
    counts.forEach((key, c) -> {
      Tags tags = Tags.of("stage", key.stage().name(), "office", key.office());
      openRows.add(MultiGauge.Row.of(tags, c[0]));
      oldestRows.add(MultiGauge.Row.of(tags, c[1]));
    });
    open.register(openRows, true);
    oldest.register(oldestRows, true);
  }
}
