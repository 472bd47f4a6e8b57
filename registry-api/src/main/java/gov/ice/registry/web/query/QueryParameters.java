package gov.ice.registry.web.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.util.MultiValueMap;

/**
 * Reads query parameters and collects every problem before answering, so a client learns all
 * its mistakes from one 400. Several values of a filter may be given by repeating the parameter
 * or separating them with commas. Call {@link #validate()} once everything is read.
 */
public final class QueryParameters {

  private final MultiValueMap<String, String> parameters;
  private final List<InvalidQuery.Violation> violations = new ArrayList<>();

  public QueryParameters(MultiValueMap<String, String> parameters) {
    this.parameters = parameters;
  }

  public <E extends Enum<E>> List<E> enums(String name, Class<E> type) {
    List<E> values = new ArrayList<>();
    for (String value : values(name)) {
      try {
        values.add(Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        violations.add(new InvalidQuery.Violation(name, "'" + value + "' is not one of "
            + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
      }
    }
    return values;
  }

  public List<String> strings(String name) {
    return values(name);
  }

  public String string(String name) {
    String value = parameters.getFirst(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  public Boolean bool(String name) {
    String value = string(name);
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> invalid(name, "is true or false");
    };
  }

  public int integer(String name, int defaultValue, int min, int max) {
    String value = string(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    invalid(name, "is a whole number from " + min + " to " + max);
    return defaultValue;
  }

  /** An ISO-8601 period such as {@code P90D} or {@code P3M}, not negative. */
  public Period period(String name, Period defaultValue) {
    String value = string(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      Period period = Period.parse(value);
      if (!period.isNegative()) {
        return period;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    return invalid(name, "is an ISO-8601 period such as P90D");
  }

  /**
   * The start of a range: a day ({@code YYYY-MM-DD}, from its first instant in {@code zone}) or an
   * instant. With {@code endOfDay}, a day means the instant after it ends, for an exclusive upper bound.
   */
  public Instant instantOrDay(String name, ZoneId zone, boolean endOfDay) {
    String value = string(name);
    if (value == null) {
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(value);
      return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException notADay) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        return invalid(name, "is a date (YYYY-MM-DD) or an ISO-8601 instant");
      }
    }
  }

  public <T> T invalid(String name, String message) {
    violations.add(new InvalidQuery.Violation(name, message));
    return null;
  }

  /** Throws {@link InvalidQuery} when anything read so far was invalid. */
  public void validate() {
    if (!violations.isEmpty()) {
      throw new InvalidQuery(violations);
    }
  }

  private List<String> values(String name) {
    List<String> raw = parameters.get(name);
    if (raw == null) {
      return List.of();
    }
    return raw.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }
}
