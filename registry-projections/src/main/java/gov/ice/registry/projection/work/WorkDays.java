package gov.ice.registry.projection.work;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import gov.ice.registry.calendar.BusinessDays;
import java.time.LocalDate;

/** How long an item has waited, in the registry's business days (weekends and observed federal holidays excluded). */
public final class WorkDays {

  /** Counts already made, by (since, today): a page repeats the same few days, and each count walks the calendar. */
  private static final Cache<Span, Integer> COUNTED = Caffeine.newBuilder().maximumSize(100_000).executor(Runnable::run).build();

  private record Span(LocalDate since, LocalDate today) {}

  private WorkDays() {}

  /**
   * The business days after {@code since} up to and including {@code today}: a draft of Monday
   * answered on Thursday waited 3. Zero when {@code today} is not after {@code since}.
   */
  public static int between(LocalDate since, LocalDate today) {
    if (!today.isAfter(since)) {
      return 0;
    }
    return COUNTED.get(new Span(since, today), span -> count(span.since(), span.today()));
  }

  private static int count(LocalDate since, LocalDate today) {
    int days = 0;
    for (LocalDate d = since.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
      if (BusinessDays.isBusinessDay(d)) {
        days++;
      }
    }
    return days;
  }
}
