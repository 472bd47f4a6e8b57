package gov.ice.registry.agreement;

import java.time.LocalDate;

/**
 * The biennial review (DOMAIN.md, "Maintenance, Auditing, and Termination"): an active agreement
 * is reviewed at least every two years from its effective date or its last review. The aggregate
 * records the next due date with the execution, the import and every review, so the read models
 * and the notice job read that date and never compute it again. Public because tests on the read
 * side build agreements due on a given day with it.
 */
public final class BiennialReview {

  /** Years from the effective date, or from the last review, to the next review. */
  public static final int INTERVAL_YEARS = 2;

  private BiennialReview() {}

  /** The day the next review is due when the agreement took effect, or was last reviewed, on {@code from}. */
  public static LocalDate dueAfter(LocalDate from) {
    return from.plusYears(INTERVAL_YEARS);
  }
}
