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

  /**
   * The business days after {@code from} up to and including {@code to}: a draft on a Monday
   * answered on the Thursday took three. Zero when {@code to} is not after {@code from}.
   */
  public static int between(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    int counted = 0;
    for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
      if (isBusinessDay(date)) {
        counted++;
      }
    }
    return counted;
  }
}
