package gov.ice.registry.calendar;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.Month.DECEMBER;
import static java.time.Month.FEBRUARY;
import static java.time.Month.JANUARY;
import static java.time.Month.JULY;
import static java.time.Month.JUNE;
import static java.time.Month.MAY;
import static java.time.Month.NOVEMBER;
import static java.time.Month.OCTOBER;
import static java.time.Month.SEPTEMBER;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The legal public holidays of 5 U.S.C. 6103(a), computed for any year, and the days they are
 * observed (5 U.S.C. 6103(b) and Executive Order 11582): a holiday on a Saturday is observed on
 * the Friday before, one on a Sunday on the Monday after. So New Year's Day on a Saturday is
 * observed on December 31 of the previous year.
 *
 * <p>Juneteenth counts from 2021 and Martin Luther King Jr. Day from 1986, when they became law;
 * older changes (the Monday holidays before 1971, Veterans Day in October from 1971 to 1977) are
 * not modelled. Inauguration Day (6103(c)) is left out because it closes offices only around
 * Washington, D.C., and so are the extra days an executive order grants in some years: counting
 * them would need the order, and leaving them out can only make a deadline earlier, never later.
 */
public final class FederalHolidays {

  private FederalHolidays() {}

  /** The holidays observed on a day of {@code year}, ordered by that day. */
  public static List<Holiday> observedIn(int year) {
    return Stream.concat(legalHolidaysOf(year).stream(), legalHolidaysOf(year + 1).stream())
        .filter(holiday -> holiday.observed().getYear() == year)
        .sorted(Comparator.comparing(Holiday::observed))
        .toList();
  }

  public static boolean isObservedHoliday(LocalDate date) {
    return observedOn(date).isPresent();
  }

  /** The holiday federal offices close for on {@code date}, if any. */
  public static Optional<Holiday> observedOn(LocalDate date) {
    return observedIn(date.getYear()).stream().filter(holiday -> holiday.observed().equals(date)).findFirst();
  }

  private static List<Holiday> legalHolidaysOf(int year) {
    List<Holiday> holidays = new ArrayList<>();
    holidays.add(fixed("New Year's Day", year, JANUARY, 1));
    if (year >= 1986) {
      holidays.add(nth("Birthday of Martin Luther King, Jr.", year, JANUARY, 3, MONDAY));
    }
    holidays.add(nth("Washington's Birthday", year, FEBRUARY, 3, MONDAY));
    holidays.add(last("Memorial Day", year, MAY, MONDAY));
    if (year >= 2021) {
      holidays.add(fixed("Juneteenth National Independence Day", year, JUNE, 19));
    }
    holidays.add(fixed("Independence Day", year, JULY, 4));
    holidays.add(nth("Labor Day", year, SEPTEMBER, 1, MONDAY));
    holidays.add(nth("Columbus Day", year, OCTOBER, 2, MONDAY));
    holidays.add(fixed("Veterans Day", year, NOVEMBER, 11));
    holidays.add(nth("Thanksgiving Day", year, NOVEMBER, 4, THURSDAY));
    holidays.add(fixed("Christmas Day", year, DECEMBER, 25));
    return holidays;
  }

  private static Holiday fixed(String name, int year, Month month, int day) {
    LocalDate date = LocalDate.of(year, month, day);
    LocalDate observed = switch (date.getDayOfWeek()) {
      case SATURDAY -> date.minusDays(1);
      case SUNDAY -> date.plusDays(1);
      default -> date;
    };
    return new Holiday(name, date, observed);
  }

  private static Holiday nth(String name, int year, Month month, int ordinal, DayOfWeek dayOfWeek) {
    LocalDate date = LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, dayOfWeek));
    return new Holiday(name, date, date);
  }

  private static Holiday last(String name, int year, Month month, DayOfWeek dayOfWeek) {
    LocalDate date = LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(dayOfWeek));
    return new Holiday(name, date, date);
  }
}
