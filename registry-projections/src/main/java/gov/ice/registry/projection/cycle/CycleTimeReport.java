package gov.ice.registry.projection.cycle;

import gov.ice.registry.calendar.BusinessDays;
import gov.ice.registry.cycle.Stage;
import gov.ice.registry.cycle.StageInterval.Outcome;
import gov.ice.registry.cycle.StageInterval.Unit;
import gov.ice.registry.projection.cycle.CycleTimeIndex.Entry;
import gov.ice.registry.projection.cycle.CycleTimeIndex.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cycle-time report: per stage and group, the completed intervals' count, median, 75th and
 * 90th percentiles and mean (percentiles by linear interpolation between the closest ranks, as a
 * spreadsheet's PERCENTILE.INC), the intervals open now with the age of the oldest, and the
 * concurrences a revision made stale. A completed interval counts when it ended within
 * [{@code from}, {@code to}]; an open one when it started on or before {@code to}.
 *
 * @param stages rows ordered by stage, then group
 * @param concurrency summed office time over the time any office held the concurrence phase, for
 *     the agreements with a concurrence completed in the window (1: one office after another; 0: none)
 */
public record CycleTimeReport(LocalDate from, LocalDate to, GroupBy groupBy, Unit unit, List<Row> stages, double concurrency,
    Excluded excluded) {

  public enum GroupBy { OFFICE, DIRECTORATE, KIND, PARTY_KIND, CATEGORY }

  public record Row(Stage stage, String group, long completed, Double median, Double p75, Double p90, Double mean, long open,
      Integer oldestOpen, long rework) {}

  public record Excluded(long imported) {}

  /** What the report is asked: {@code offices} empty for every holder, else only intervals those offices held. */
  public record Request(LocalDate from, LocalDate to, GroupBy groupBy, Unit unit, Set<String> offices, LocalDate today) {
    public Request {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(groupBy, "groupBy");
      Objects.requireNonNull(unit, "unit");
      offices = offices == null ? Set.of() : Set.copyOf(offices);
      Objects.requireNonNull(today, "today");
    }
  }

  /** The group a stage row of {@code entry}'s interval {@code span} falls in: none (no value) is {@code NONE}. */
  static List<String> groups(GroupBy groupBy, Entry entry, Span span) {
    List<String> values = switch (groupBy) {
      case OFFICE -> span.holder() == null ? List.of() : List.of(span.holder());
      case DIRECTORATE -> entry.directorate() == null ? List.of() : List.of(entry.directorate());
      case KIND -> entry.kind() == null ? List.of() : List.of(entry.kind());
      case PARTY_KIND -> entry.partyKinds();
      case CATEGORY -> entry.categories();
    };
    return values.isEmpty() ? List.of("NONE") : values;
  }

  private static final class Cell {
    int[] durations = new int[8];
    int count;
    long open;
    int oldestOpen = -1;
    long rework;

    void add(int duration) {
      if (count == durations.length) {
        durations = Arrays.copyOf(durations, count * 2);
      }
      durations[count++] = duration;
    }
  }

  private record Key(Stage stage, String group) {}

  public static CycleTimeReport of(Collection<Entry> entries, Request request) {
    int from = (int) request.from().toEpochDay();
    int to = (int) request.to().toEpochDay();
    Map<Key, Cell> cells = new HashMap<>();
    Map<Integer, Integer> ages = new HashMap<>();
    long imported = 0;
    long held = 0;
    long span = 0;
    for (Entry entry : entries) {
      if (entry.imported()) {
        imported++;
        continue;
      }
      boolean concurrenceInWindow = false;
      for (Span s : entry.spans()) {
        if (!request.offices().isEmpty() && !request.offices().contains(s.holder())) {
          continue;
        }
        boolean completed = s.outcome() == Outcome.COMPLETED && s.endDay() >= from && s.endDay() <= to;
        boolean open = s.outcome() == Outcome.OPEN && s.startDay() <= to;
        if (!completed && !open) {
          continue;
        }
        concurrenceInWindow |= completed && s.stage() == Stage.CONCURRENCE;
        int age = open ? ages.computeIfAbsent(s.startDay(), d -> age(request.unit(), d, request.today())) : 0;
        for (String group : groups(request.groupBy(), entry, s)) {
          Cell cell = cells.computeIfAbsent(new Key(s.stage(), group), k -> new Cell());
          if (completed) {
            cell.add(s.duration(request.unit()));
            if (s.rework()) {
              cell.rework++;
            }
          } else {
            cell.open++;
            cell.oldestOpen = Math.max(cell.oldestOpen, age);
          }
        }
      }
      if (concurrenceInWindow) {
        held += entry.concurrencyHeld();
        span += entry.concurrencySpan();
      }
    }
    List<Row> rows = new ArrayList<>(cells.size());
    Map<Key, Cell> ordered = new TreeMap<>(Comparator.comparing(Key::stage).thenComparing(Key::group));
    ordered.putAll(cells);
    ordered.forEach((key, cell) -> {
      int[] sorted = Arrays.copyOf(cell.durations, cell.count);
      Arrays.sort(sorted);
      rows.add(new Row(key.stage(), key.group(), cell.count, percentile(sorted, 0.5), percentile(sorted, 0.75),
          percentile(sorted, 0.9), mean(sorted), cell.open, cell.oldestOpen < 0 ? null : cell.oldestOpen, cell.rework));
    });
    return new CycleTimeReport(request.from(), request.to(), request.groupBy(), request.unit(), rows,
        span == 0 ? 0 : (double) held / span, new Excluded(imported));
  }

  private static int age(Unit unit, int startDay, LocalDate today) {
    LocalDate start = LocalDate.ofEpochDay(startDay);
    if (!today.isAfter(start)) {
      return 0;
    }
    return unit == Unit.BUSINESS_DAYS ? BusinessDays.between(start, today) : (int) (today.toEpochDay() - startDay);
  }

  /** PERCENTILE.INC of sorted values: linear between the closest ranks; null with none. */
  static Double percentile(int[] sorted, double p) {
    if (sorted.length == 0) {
      return null;
    }
    double rank = p * (sorted.length - 1);
    int lower = (int) Math.floor(rank);
    int upper = Math.min(lower + 1, sorted.length - 1);
    return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
  }

  static Double mean(int[] values) {
    if (values.length == 0) {
      return null;
    }
    long sum = 0;
    for (int v : values) {
      sum += v;
    }
    return (double) sum / values.length;
  }
}
