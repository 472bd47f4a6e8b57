package gov.ice.registry.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A legal public holiday of one year: {@code date} is the day the statute names, {@code observed}
 * the weekday federal offices close for it, which may fall in the previous year.
 */
public record Holiday(String name, LocalDate date, LocalDate observed) {

  public Holiday {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(observed, "observed");
  }
}
