package gov.ice.registry.cycle;

import gov.ice.registry.calendar.BusinessDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One stage of one agreement, held by {@code holder} (an office, an authority, a dispute level,
 * {@code PROGRAM_OFFICE} or {@code SIGNATORIES}) from {@code start} until {@code end}. Days are
 * the registry's calendar days of those instants. An interval is {@link Outcome#OPEN} while it
 * runs, {@link Outcome#COMPLETED} when its holder acted, and {@link Outcome#SUPERSEDED} when a
 * revision, a withdrawal or an escalation ended it without its holder's act (it counts in neither).
 * {@code rework}: a concurrence that a later revision made stale.
 */
public record StageInterval(Stage stage, String holder, int draftVersion, Instant start, Instant end,
    LocalDate startDay, LocalDate endDay, Outcome outcome, boolean rework) {

  public enum Outcome { OPEN, COMPLETED, SUPERSEDED }

  /** How durations are counted: business days (weekends and observed federal holidays excluded) or calendar days. */
  public enum Unit { BUSINESS_DAYS, DAYS }

  public StageInterval {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(startDay, "startDay");
    Objects.requireNonNull(outcome, "outcome");
  }

  public boolean open() {
    return outcome == Outcome.OPEN;
  }

  public boolean completed() {
    return outcome == Outcome.COMPLETED;
  }

  /** Its duration in {@code unit}: to its end, or, while open, to {@code today}. */
  public int duration(Unit unit, LocalDate today) {
    LocalDate to = endDay != null ? endDay : today;
    return length(unit, startDay, to);
  }

  public static int length(Unit unit, LocalDate from, LocalDate to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    return unit == Unit.BUSINESS_DAYS ? BusinessDays.between(from, to) : (int) ChronoUnit.DAYS.between(from, to);
  }
}
