package gov.ice.registry.projection.work;

import gov.ice.registry.calendar.BusinessDays;
import java.time.LocalDate;

/** How long an item has waited, in the registry's business days (weekends and observed federal holidays excluded). */
public final class WorkDays {

  private WorkDays() {}

  /**
   * The business days after {@code since} up to and including {@code today}: a draft of Monday
   * answered on Thursday waited 3. Zero when {@code today} is not after {@code since}.
   */
  public static int between(LocalDate since, LocalDate today) {
    int days = 0;
    for (LocalDate d = since.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
      if (BusinessDays.isBusinessDay(d)) {
        days++;
      }
    }
    return days;
  }
}
