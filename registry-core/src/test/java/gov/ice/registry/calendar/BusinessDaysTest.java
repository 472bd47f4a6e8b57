package gov.ice.registry.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessDaysTest {

  @ParameterizedTest(name = "{0} is a business day: {1}")
  @CsvSource({
      "2026-03-13, true",  // a Friday
      "2026-03-14, false", // a Saturday
      "2026-03-15, false", // a Sunday
      "2026-07-03, false", // Independence Day observed, July 4 being a Saturday
      "2026-11-27, true",  // the Friday after Thanksgiving is no federal holiday
      "2021-12-31, false", // New Year's Day 2022 observed
      "2028-02-29, true",  // a leap day on a Tuesday
      "2020-06-19, true"   // a Friday before Juneteenth was law
  })
  void tellsABusinessDay(LocalDate date, boolean businessDay) {
    assertThat(BusinessDays.isBusinessDay(date)).isEqualTo(businessDay);
  }

  @ParameterizedTest(name = "{0} plus {1} business days is {2}")
  @CsvSource({
      // the observed Independence Day is not counted, nor is the start day
      "2026-07-03, 5, 2026-07-10",
      // a Monday to the next Monday
      "2026-03-09, 5, 2026-03-16",
      // from a Friday across one weekend
      "2026-03-13, 5, 2026-03-20",
      // from a Saturday: Monday is the first day counted
      "2026-03-14, 5, 2026-03-20",
      "2026-03-14, 1, 2026-03-16",
      // Thanksgiving Thursday is skipped, the Friday after counts
      "2026-11-25, 5, 2026-12-03",
      // Christmas and New Year's Day 2028, both observed on Fridays of 2027
      "2027-12-23, 5, 2028-01-03",
      // Christmas 2026 on a Friday, New Year's Day 2027 on a Friday
      "2026-12-24, 5, 2027-01-04",
      // through a leap day
      "2028-02-24, 5, 2028-03-02",
      "2026-03-13, 0, 2026-03-13"
  })
  void addsBusinessDaysSkippingWeekendsAndObservedHolidays(LocalDate start, int days, LocalDate expected) {
    assertThat(BusinessDays.addBusinessDays(start, days)).isEqualTo(expected);
  }

  @Test
  void refusesToCountBackwards() {
    assertThatThrownBy(() -> BusinessDays.addBusinessDays(LocalDate.of(2026, 3, 13), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsTheBusinessDaysBetweenTwoDaysWithoutVeteransDayAndThanksgiving() {
    assertThat(BusinessDays.between(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 5))).isEqualTo(3);
    assertThat(BusinessDays.between(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 30))).isEqualTo(18);
    assertThat(BusinessDays.between(LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 2))).isZero();
    assertThat(BusinessDays.between(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 2))).isZero();
  }

  @Test
  void countsBetweenTwoDaysAsCountingDayByDayDoes() {
    LocalDate start = LocalDate.of(2021, 12, 20);
    for (int a = 0; a < 60; a += 3) {
      for (int length = 0; length < 800; length += 7) {
        LocalDate from = start.plusDays(a);
        LocalDate to = from.plusDays(length + a % 5);
        int counted = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
          counted += BusinessDays.isBusinessDay(d) ? 1 : 0;
        }
        assertThat(BusinessDays.between(from, to)).as(from + " to " + to).isEqualTo(counted);
      }
    }
  }
}
