package gov.ice.registry.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/** Federal business days: Monday to Friday, except an observed federal holiday. */
public final class BusinessDays {

  private BusinessDays() {}

  public static boolean isBusinessDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
        && !HOLIDAYS.computeIfAbsent(date.getYear(), BusinessDays::observedDays).contains(date);
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
   * answered on the Thursday took three. Zero when {@code to} is not after {@code from}. Counted by
   * arithmetic on whole weeks and the observed holidays of the years between (remembered per year),
   * not day by day: reports count it for every interval they show.
   */
  public static int between(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      return 0;
    }
    long days = to.toEpochDay() - from.toEpochDay();
    long weekdays = days / 7 * 5;
    LocalDate day = from.plusDays(days / 7 * 7);
    while (day.isBefore(to)) {
      day = day.plusDays(1);
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        weekdays++;
      }
    }
    int holidays = 0;
    for (int year = from.getYear(); year <= to.getYear(); year++) {
      for (LocalDate observed : HOLIDAYS.computeIfAbsent(year, BusinessDays::observedDays)) {
        // Observed holidays fall on weekdays (a weekend holiday is observed on the Friday or Monday).
        if (observed.isAfter(from) && !observed.isAfter(to) && observed.getDayOfWeek() != DayOfWeek.SATURDAY
            && observed.getDayOfWeek() != DayOfWeek.SUNDAY) {
          holidays++;
        }
      }
    }
    return (int) (weekdays - holidays);
  }

  private static final java.util.Map<Integer, java.util.List<LocalDate>> HOLIDAYS = new java.util.concurrent.ConcurrentHashMap<>();

  private static java.util.List<LocalDate> observedDays(int year) {
    return FederalHolidays.observedIn(year).stream().map(Holiday::observed).distinct().toList();
  }
}
