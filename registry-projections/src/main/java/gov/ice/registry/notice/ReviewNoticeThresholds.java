package gov.ice.registry.notice;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;

/**
 * When a review-due notice is owed: 90, 30 and 0 days before the due date, then every 30 days
 * while the review is overdue (-30, -60, ...). On a given day only the latest threshold reached
 * is owed: a job that did not run at 90 days does not send that notice at 25 days, it sends the
 * 30-day one. Each threshold of a due date is recorded once by the aggregate.
 */
public final class ReviewNoticeThresholds {

  /** How far ahead of a due date the first notice goes. */
  public static final int FIRST = 90;

  private ReviewNoticeThresholds() {}

  public static OptionalInt reached(LocalDate dueOn, LocalDate today) {
    long days = ChronoUnit.DAYS.between(today, dueOn);
    if (days > FIRST) {
      return OptionalInt.empty();
    }
    if (days > 30) {
      return OptionalInt.of(90);
    }
    if (days > 0) {
      return OptionalInt.of(30);
    }
    return OptionalInt.of((int) -(30 * Math.floorDiv(-days, 30)));
  }
}
