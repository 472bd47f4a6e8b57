package gov.ice.registry.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/** Federal business days: Monday to Friday, except an observed federal holiday. */
public final class BusinessDays {

  private BusinessDays() {}

  public static boolean isBusinessDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !FederalHolidays.isObservedHoliday(date);
  }

  /**
   * The day that is {@code days} business days after {@code start}; {@code start} itself is not
   * counted, whether or not it is a business day, and zero days gives {@code start}.
   */
  public static LocalDate addBusinessDays(LocalDate start, int days) {
    Objects.requireNonNull(start, "start");
    if (days < 0) {
      throw new IllegalArgumentException("business days to add are not negative: " + days);
    }
    LocalDate date = start;
    int counted = 0;
    while (counted < days) {
      date = date.plusDays(1);
      if (isBusinessDay(date)) {
        counted++;
      }
    }
    return date;
  }
}
