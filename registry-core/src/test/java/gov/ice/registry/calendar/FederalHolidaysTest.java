package gov.ice.registry.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FederalHolidaysTest {

  /** The observed days of OPM's published federal holiday calendars. */
  static Stream<Arguments> opmCalendars() {
    return Stream.of(
        Arguments.of(2020, dates(
            "2020-01-01", "2020-01-20", "2020-02-17", "2020-05-25", "2020-07-03", "2020-09-07",
            "2020-10-12", "2020-11-11", "2020-11-26", "2020-12-25")),
        Arguments.of(2021, dates(
            "2021-01-01", "2021-01-18", "2021-02-15", "2021-05-31", "2021-06-18", "2021-07-05",
            "2021-09-06", "2021-10-11", "2021-11-11", "2021-11-25", "2021-12-24", "2021-12-31")),
        Arguments.of(2022, dates(
            "2022-01-17", "2022-02-21", "2022-05-30", "2022-06-20", "2022-07-04", "2022-09-05",
            "2022-10-10", "2022-11-11", "2022-11-24", "2022-12-26")),
        Arguments.of(2023, dates(
            "2023-01-02", "2023-01-16", "2023-02-20", "2023-05-29", "2023-06-19", "2023-07-04",
            "2023-09-04", "2023-10-09", "2023-11-10", "2023-11-23", "2023-12-25")),
        Arguments.of(2024, dates(
            "2024-01-01", "2024-01-15", "2024-02-19", "2024-05-27", "2024-06-19", "2024-07-04",
            "2024-09-02", "2024-10-14", "2024-11-11", "2024-11-28", "2024-12-25")),
        Arguments.of(2025, dates(
            "2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19", "2025-07-04",
            "2025-09-01", "2025-10-13", "2025-11-11", "2025-11-27", "2025-12-25")),
        Arguments.of(2026, dates(
            "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03",
            "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25")),
        Arguments.of(2027, dates(
            "2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05",
            "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24", "2027-12-31")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("opmCalendars")
  void observesTheDaysOfOpmsCalendar(int year, List<LocalDate> observed) {
    assertThat(FederalHolidays.observedIn(year)).extracting(Holiday::observed).containsExactlyElementsOf(observed);
  }

  @Test
  void observesNewYearsDayOnASaturdayOnTheFridayBeforeInThePreviousYear() {
    Holiday newYear2022 = FederalHolidays.observedOn(LocalDate.of(2021, 12, 31)).orElseThrow();

    assertThat(newYear2022).isEqualTo(new Holiday("New Year's Day", LocalDate.of(2022, 1, 1), LocalDate.of(2021, 12, 31)));
    assertThat(FederalHolidays.isObservedHoliday(LocalDate.of(2021, 12, 31))).isTrue();
    assertThat(FederalHolidays.isObservedHoliday(LocalDate.of(2022, 1, 1))).isFalse();
    assertThat(FederalHolidays.observedIn(2022)).extracting(Holiday::name).doesNotContain("New Year's Day");
  }

  @Test
  void observesAHolidayOnASundayOnTheMondayAfter() {
    assertThat(FederalHolidays.observedOn(LocalDate.of(2023, 1, 2)))
        .contains(new Holiday("New Year's Day", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 2)));
    assertThat(FederalHolidays.observedOn(LocalDate.of(2021, 7, 5)))
        .contains(new Holiday("Independence Day", LocalDate.of(2021, 7, 4), LocalDate.of(2021, 7, 5)));
  }

  @Test
  void countsJuneteenthFrom2021Only() {
    assertThat(FederalHolidays.isObservedHoliday(LocalDate.of(2020, 6, 19))).isFalse();
    assertThat(FederalHolidays.observedOn(LocalDate.of(2021, 6, 18)))
        .contains(new Holiday("Juneteenth National Independence Day", LocalDate.of(2021, 6, 19), LocalDate.of(2021, 6, 18)));
  }

  @Test
  void namesEveryHolidayOfTheStatute() {
    assertThat(FederalHolidays.observedIn(2024)).extracting(Holiday::name).containsExactly(
        "New Year's Day",
        "Birthday of Martin Luther King, Jr.",
        "Washington's Birthday",
        "Memorial Day",
        "Juneteenth National Independence Day",
        "Independence Day",
        "Labor Day",
        "Columbus Day",
        "Veterans Day",
        "Thanksgiving Day",
        "Christmas Day");
  }

  @Test
  void observesEveryHolidayOnAWeekdayForACentury() {
    IntStream.rangeClosed(2000, 2100).forEach(year -> assertThat(FederalHolidays.observedIn(year))
        .allSatisfy(holiday -> assertThat(holiday.observed().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)));
  }

  @Test
  void placesTheWeekdayHolidaysInTheirWeekOfTheMonthForACentury() {
    IntStream.rangeClosed(2000, 2100).forEach(year -> {
      assertThat(observed(year, "Birthday of Martin Luther King, Jr.")).satisfies(d -> isNthWeekday(d, Month.JANUARY, 15, DayOfWeek.MONDAY));
      assertThat(observed(year, "Washington's Birthday")).satisfies(d -> isNthWeekday(d, Month.FEBRUARY, 15, DayOfWeek.MONDAY));
      assertThat(observed(year, "Memorial Day")).satisfies(d -> isNthWeekday(d, Month.MAY, 25, DayOfWeek.MONDAY));
      assertThat(observed(year, "Labor Day")).satisfies(d -> isNthWeekday(d, Month.SEPTEMBER, 1, DayOfWeek.MONDAY));
      assertThat(observed(year, "Columbus Day")).satisfies(d -> isNthWeekday(d, Month.OCTOBER, 8, DayOfWeek.MONDAY));
      assertThat(observed(year, "Thanksgiving Day")).satisfies(d -> isNthWeekday(d, Month.NOVEMBER, 22, DayOfWeek.THURSDAY));
    });
  }

  /** A weekday holiday falls in the seven days starting on {@code firstPossibleDay} of its month. */
  private static void isNthWeekday(LocalDate date, Month month, int firstPossibleDay, DayOfWeek dayOfWeek) {
    assertThat(date.getMonth()).isEqualTo(month);
    assertThat(date.getDayOfWeek()).isEqualTo(dayOfWeek);
    assertThat(date.getDayOfMonth()).isBetween(firstPossibleDay, firstPossibleDay + 6);
  }

  private static LocalDate observed(int year, String name) {
    return FederalHolidays.observedIn(year).stream()
        .filter(holiday -> holiday.name().equals(name))
        .map(Holiday::observed)
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " is not observed in " + year));
  }

  private static List<LocalDate> dates(String... isoDates) {
    return Stream.of(isoDates).map(LocalDate::parse).toList();
  }
}
