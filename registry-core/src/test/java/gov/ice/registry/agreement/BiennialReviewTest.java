package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.AgreementFixtures.agreementId;
import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.BiennialReviewCompleted;
import gov.ice.registry.agreement.api.RecordBiennialReview;
import gov.ice.registry.agreement.api.ReviewFindings;
import gov.ice.registry.agreement.api.ReviewOutcome;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BiennialReviewTest {

  @Test
  @DisplayName("Biennial review: due two years after the effective date or the last review")
  void isDueTwoYearsAfterItsBase() {
    assertThat(BiennialReview.dueAfter(LocalDate.of(2026, 1, 15))).isEqualTo(LocalDate.of(2028, 1, 15));
  }

  @Test
  @DisplayName("Biennial review: from a leap day, due on the last day of February two years on")
  void fromALeapDayIsDueOnTheLastDayOfFebruary() {
    assertThat(BiennialReview.dueAfter(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2026, 2, 28));
  }

  @Test
  @DisplayName("Biennial review: a recorded review sets the next one two years after the review, not after the last due date")
  void aReviewCountsFromTheDayItWasDone() {
    LocalDate reviewedOn = LocalDate.of(2026, 11, 20);
    AgreementState active = AgreementState.replay(AgreementFixtures.history(AgreementTestSupport.active(), id -> java.util.Optional.empty(),
        AgreementTestSupport.TODAY));

    Decided decided = Maintenance.review(active, new RecordBiennialReview(agreementId(), reviewedOn, ReviewOutcome.CONTINUE,
        new ReviewFindings(true, true, true, true, true), "still needed"), AgreementTestSupport.TODAY);

    assertThat(decided.events()).singleElement().isInstanceOfSatisfying(BiennialReviewCompleted.class,
        e -> assertThat(e.nextReviewDue()).isEqualTo(LocalDate.of(2028, 11, 20)));
    assertThat(active.nextReviewDue()).isEqualTo(BiennialReview.dueAfter(profile().terms().effectiveDate()));
  }
}
