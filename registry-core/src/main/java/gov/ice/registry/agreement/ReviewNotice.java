package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.RuleId;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;

/**
 * When review-due notices go out (id {@code REVIEW_NOTICE}): 90, 30 and 0 days before the
 * biennial review is due, then every 30 days while it is overdue. A threshold is days before the
 * due date, negative once overdue. Public because the scheduled job asks it which notice is owed;
 * the aggregate asks it which notices exist at all, so the rule lives here once.
 */
public final class ReviewNotice {

  /** How far ahead of a due date the first notice goes. */
  public static final int FIRST_NOTICE_DAYS = 90;
  /** The rule id of review-due notices. */
  public static final RuleId RULE = RuleId.of("REVIEW_NOTICE");

  static final int[] BEFORE_DUE = {FIRST_NOTICE_DAYS, 30, 0};
  static final int OVERDUE_EVERY_DAYS = 30;

  private ReviewNotice() {}

  static boolean isThreshold(int daysBeforeDue) {
    for (int threshold : BEFORE_DUE) {
      if (daysBeforeDue == threshold) {
        return true;
      }
    }
    return daysBeforeDue < 0 && daysBeforeDue % OVERDUE_EVERY_DAYS == 0;
  }

  /**
   * The latest threshold reached on {@code today}: the one notice owed then. A job that did not
   * run at 90 days does not send that notice at 25 days, it sends the 30-day one. Empty while the
   * due date is more than {@link #FIRST_NOTICE_DAYS} away.
   */
  public static OptionalInt latestThresholdReached(LocalDate dueOn, LocalDate today) {
    long days = ChronoUnit.DAYS.between(today, dueOn);
    if (days <= 0) {
      return OptionalInt.of((int) -(OVERDUE_EVERY_DAYS * Math.floorDiv(-days, OVERDUE_EVERY_DAYS)));
    }
    OptionalInt latest = OptionalInt.empty();
    for (int threshold : BEFORE_DUE) {
      if (days <= threshold) {
        latest = OptionalInt.of(threshold);
      }
    }
    return latest;
  }
}
