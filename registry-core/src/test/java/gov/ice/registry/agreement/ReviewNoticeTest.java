package gov.ice.registry.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReviewNoticeTest {

  @Test
  @DisplayName("REVIEW_NOTICE: 90, 30 and 0 days before, then every 30 days overdue, are the thresholds")
  void thresholdsAreNinetyThirtyZeroThenEveryThirtyDaysOverdue() {
    assertThat(ReviewNotice.isThreshold(90)).isTrue();
    assertThat(ReviewNotice.isThreshold(30)).isTrue();
    assertThat(ReviewNotice.isThreshold(0)).isTrue();
    assertThat(ReviewNotice.isThreshold(-30)).isTrue();
    assertThat(ReviewNotice.isThreshold(-360)).isTrue();
    assertThat(ReviewNotice.isThreshold(45)).isFalse();
    assertThat(ReviewNotice.isThreshold(60)).isFalse();
    assertThat(ReviewNotice.isThreshold(-45)).isFalse();
  }

  @Test
  @DisplayName("REVIEW_NOTICE: on a given day only the latest threshold reached is owed")
  void theLatestThresholdReachedIsOwed() {
    LocalDate due = LocalDate.of(2028, 2, 29);
    assertThat(ReviewNotice.latestThresholdReached(due, LocalDate.of(2027, 11, 30))).isEmpty();
    assertThat(ReviewNotice.latestThresholdReached(due, LocalDate.of(2027, 12, 1))).isEqualTo(OptionalInt.of(90));
    assertThat(ReviewNotice.latestThresholdReached(due, LocalDate.of(2028, 1, 29))).isEqualTo(OptionalInt.of(90));
    assertThat(ReviewNotice.latestThresholdReached(due, LocalDate.of(2028, 1, 30))).isEqualTo(OptionalInt.of(30));
    assertThat(ReviewNotice.latestThresholdReached(due, LocalDate.of(2028, 2, 28))).isEqualTo(OptionalInt.of(30));
    assertThat(ReviewNotice.latestThresholdReached(due, due)).isEqualTo(OptionalInt.of(0));
    assertThat(ReviewNotice.latestThresholdReached(due, LocalDate.of(2028, 3, 29))).isEqualTo(OptionalInt.of(0));
    assertThat(ReviewNotice.latestThresholdReached(due, LocalDate.of(2028, 3, 30))).isEqualTo(OptionalInt.of(-30));
    assertThat(ReviewNotice.latestThresholdReached(due, LocalDate.of(2028, 4, 29))).isEqualTo(OptionalInt.of(-60));
  }
}
