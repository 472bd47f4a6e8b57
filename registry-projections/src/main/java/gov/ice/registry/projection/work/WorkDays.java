package gov.ice.registry.projection.work;

import gov.ice.registry.calendar.BusinessDays;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** How long an item has waited, in the registry's business days (weekends and observed federal holidays excluded). */
public final class WorkDays {

  /** Counts already made, by (since, today): a page repeats the same few days, and each count walks the calendar. */
  private static final Map<Long, Integer> COUNTED = new ConcurrentHashMap<>();
  private static final int MAX_COUNTED = 100_000;

  private WorkDays() {}

  /**
   * The business days after {@code since} up to and including {@code today}: a draft of Monday
   * answered on Thursday waited 3. Zero when {@code today} is not after {@code since}.
   */
  public static int between(LocalDate since, LocalDate today) {
    if (!today.isAfter(since)) {
      return 0;
    }
    long key = since.toEpochDay() * 10_000_000L + today.toEpochDay();
    Integer counted = COUNTED.get(key);
    if (counted != null) {
      return counted;
    }
    if (COUNTED.size() > MAX_COUNTED) {
      COUNTED.clear();
    }
    int days = count(since, today);
    COUNTED.put(key, days);
    return days;
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
