package gov.ice.registry.web.query;

import gov.ice.registry.web.input.TextRules;
import java.time.DateTimeException;
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

  /** The range of plausible dates, as for dates in request bodies: a query outside it is a typo or a probe. */
  private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

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

  /** Values that may hold commas (a party's name): several only by repeating the parameter. */
  public List<String> wholeStrings(String name) {
    List<String> raw = parameters.get(name);
    return raw == null ? List.of() : raw.stream().filter(v -> clean(name, v)).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  public String string(String name) {
    String value = parameters.getFirst(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    return clean(name, value) ? value.trim() : null;
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
      // A century at most: beyond it a date computed from the period may not even exist.
      if (!period.isNegative() && period.toTotalMonths() <= 1200 && period.getDays() <= 36_600) {
        return period;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    return invalid(name, "is an ISO-8601 period such as P90D, up to a century");
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
    Instant instant;
    try {
      LocalDate day = LocalDate.parse(value);
      instant = (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
    } catch (DateTimeException notADay) {
      try {
        instant = Instant.parse(value);
      } catch (DateTimeException e) {
        return invalid(name, "is a date (YYYY-MM-DD) or an ISO-8601 instant");
      }
    }
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      return invalid(name, "is a date or instant from 1900 to 2199");
    }
    return instant;
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
    return raw.stream().filter(v -> clean(name, v))
        .flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  /** Whether {@code value} is acceptable text; when not, the parameter is reported. */
  private boolean clean(String name, String value) {
    String problem = problem(value);
    if (problem != null) {
      invalid(name, problem);
      return false;
    }
    return true;
  }

  /**
   * Why a query value is refused, or null: the rules of all text, and one line, since no filter
   * holds a tab or a line break (trimmed away, {@code %0Aprog} would have been read as {@code prog}).
   */
  public static String problem(String value) {
    if (value != null && value.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')) {
      return "must not contain control characters (a tab or line break neither)";
    }
    return TextRules.problem(value);
  }
}
