package gov.ice.registry.agreement;

/**
 * When review-due notices go out (id {@code REVIEW_NOTICE}): 90, 30 and 0 days before the
 * biennial review is due, then every 30 days while it is overdue. A threshold is days before the
 * due date, negative once overdue.
 */
final class ReviewNotice {

  static final int[] BEFORE_DUE = {90, 30, 0};
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
}
