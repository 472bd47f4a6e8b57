package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.AgreementFixtures.STATE_PARTY_NAME;
import static gov.ice.registry.agreement.AgreementFixtures.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.ExigentAuthority;
import gov.ice.registry.agreement.api.ExigentDeadlineMissedNoticeIssued;
import gov.ice.registry.agreement.api.ExigentTransferRecorded;
import gov.ice.registry.agreement.api.IssueExigentDeadlineNotice;
import gov.ice.registry.agreement.api.IssueReviewDueNotice;
import gov.ice.registry.agreement.api.RecordExigentTransfer;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.ReviewDueNoticeIssued;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExigentAndNoticeTest extends AgreementTestSupport {

  private static final LocalDate REVIEW_DUE = LocalDate.of(2028, 1, 15);
  /** Friday before Thanksgiving 2026: five business days skip the weekend and Thursday 26 November. */
  private static final LocalDate TRANSFER = LocalDate.of(2026, 11, 20);
  private static final LocalDate DEADLINE = LocalDate.of(2026, 11, 30);

  private static RecordExigentTransfer transfer(LocalDate on) {
    return new RecordExigentTransfer(ID, on, ExigentAuthority.ICE_DIRECTOR, null);
  }

  @Test
  @DisplayName("EXEMPTION_10: an exigent transfer must be memorialized within five business days, holidays excluded")
  void exigentTransferStartsTheMemorializationClock() {
    fixture.given(history(drafted()))
        .when(transfer(TRANSFER))
        .expectEvents(new ExigentTransferRecorded(ID, TRANSFER, ExigentAuthority.ICE_DIRECTOR, DEADLINE, null,
            ruleIds("EXEMPTION_10")));
  }

  @Test
  @DisplayName("EXEMPTION_10: a transfer the day before an observed Independence Day skips it")
  void deadlineSkipsAnObservedHoliday() {
    // Saturday 4 July 2026 is observed on Friday 3 July.
    fixture.given(history(drafted()))
        .when(transfer(LocalDate.of(2026, 7, 2)))
        .expectEvents(new ExigentTransferRecorded(ID, LocalDate.of(2026, 7, 2), ExigentAuthority.ICE_DIRECTOR,
            LocalDate.of(2026, 7, 10), null, ruleIds("EXEMPTION_10")));
  }

  @Test
  void recordsTheSameTransferOnce() {
    fixture.given(history(plus(drafted(), transfer(TRANSFER))))
        .when(transfer(TRANSFER))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void refusesAnExigentTransferOnAnExecutedAgreement() {
    fixture.given(history(active()))
        .when(transfer(TRANSFER))
        .expectException(refused(RefusalCode.WRONG_STATUS));
  }

  @Test
  @DisplayName("EXEMPTION_10: a missed memorialization deadline is noticed once")
  void noticesAMissedMemorializationDeadlineOnce() {
    fixture.given(history(plus(drafted(), transfer(TRANSFER))))
        .when(new IssueExigentDeadlineNotice(ID, TRANSFER, DEADLINE.plusDays(1)))
        .expectEvents(new ExigentDeadlineMissedNoticeIssued(ID, TRANSFER, DEADLINE, DEADLINE.plusDays(1)));

    createFixture();
    fixture.given(history(plus(drafted(), transfer(TRANSFER), new IssueExigentDeadlineNotice(ID, TRANSFER, DEADLINE.plusDays(1)))))
        .when(new IssueExigentDeadlineNotice(ID, TRANSFER, DEADLINE.plusDays(2)))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  @DisplayName("EXEMPTION_10: the deadline day itself is not missed")
  void theDeadlineDayIsNotMissed() {
    fixture.given(history(plus(drafted(), transfer(TRANSFER))))
        .when(new IssueExigentDeadlineNotice(ID, TRANSFER, DEADLINE))
        .expectException(refused(RefusalCode.NOT_DUE, "EXEMPTION_10"));
  }

  @Test
  @DisplayName("EXEMPTION_10: a later memorialization approved by the Secretary, Deputy Secretary or ICE Director is no miss")
  void anApprovedLaterMemorializationIsNotMissed() {
    var approved = new RecordExigentTransfer(ID, TRANSFER, ExigentAuthority.ICE_DIRECTOR, ExigentAuthority.SECRETARY);
    fixture.given(history(plus(drafted(), approved)))
        .when(new IssueExigentDeadlineNotice(ID, TRANSFER, DEADLINE.plusDays(10)))
        .expectException(refused(RefusalCode.NOT_DUE, "EXEMPTION_10"));
  }

  @Test
  @DisplayName("REVIEW_NOTICE: 90 days before the review is due, a notice is recorded once")
  void recordsAReviewDueNoticeOnce() {
    LocalDate ninetyBefore = REVIEW_DUE.minusDays(90);
    fixture.given(history(active()))
        .when(new IssueReviewDueNotice(ID, REVIEW_DUE, 90, ninetyBefore))
        .expectEvents(new ReviewDueNoticeIssued(ID, REVIEW_DUE, 90, ninetyBefore));

    createFixture();
    fixture.given(history(plus(active(), new IssueReviewDueNotice(ID, REVIEW_DUE, 90, ninetyBefore))))
        .when(new IssueReviewDueNotice(ID, REVIEW_DUE, 90, ninetyBefore.plusDays(1)))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  @DisplayName("REVIEW_NOTICE: overdue reviews are noticed every 30 days")
  void recordsOverdueNoticesEveryThirtyDays() {
    fixture.given(history(active()))
        .when(new IssueReviewDueNotice(ID, REVIEW_DUE, -60, REVIEW_DUE.plusDays(60)))
        .expectEvents(new ReviewDueNoticeIssued(ID, REVIEW_DUE, -60, REVIEW_DUE.plusDays(60)))
        .expectState(agreement -> {
          assertThat(agreement.state().reviewNoticesIssuedFor(REVIEW_DUE)).containsExactly(-60);
          assertThat(agreement.state().reviewNoticesIssuedFor(REVIEW_DUE.plusYears(2))).isEmpty();
        });
  }

  @Test
  @DisplayName("REVIEW_NOTICE: a notice before its threshold is reached is refused")
  void refusesANoticeBeforeItsThreshold() {
    fixture.given(history(active()))
        .when(new IssueReviewDueNotice(ID, REVIEW_DUE, 30, REVIEW_DUE.minusDays(31)))
        .expectException(refused(RefusalCode.NOT_DUE, "REVIEW_NOTICE"))
        .expectNoEvents();
  }

  @Test
  @DisplayName("REVIEW_NOTICE: a notice for a due date the agreement no longer has is refused")
  void refusesANoticeForAStaleDueDate() {
    fixture.given(history(active()))
        .when(new IssueReviewDueNotice(ID, REVIEW_DUE.minusYears(2), 0, TODAY))
        .expectException(refused(RefusalCode.NOT_DUE, "REVIEW_NOTICE"));
  }

  @Test
  @DisplayName("REVIEW_NOTICE: only 90, 30, 0 and every 30 days overdue are thresholds")
  void refusesAnUnknownThreshold() {
    fixture.given(history(active()))
        .when(new IssueReviewDueNotice(ID, REVIEW_DUE, 45, REVIEW_DUE.minusDays(45)))
        .expectException(refused(RefusalCode.PROFILE_INVALID, "REVIEW_NOTICE"));
  }

  @Test
  @DisplayName("REVIEW: the first biennial review is due two years after the agreement took effect")
  void theFirstReviewIsDueTwoYearsAfterTheEffectiveDate() {
    fixture.given(history(plus(cleared(), executedCopy(), iceSignature(SignatoryAuthority.HSI_EAD, LocalDate.of(2026, 2, 1)))))
        .when(partySignature(STATE_PARTY_NAME, LocalDate.of(2026, 2, 2)))
        .expectState(agreement -> assertThat(agreement.state().nextReviewDue()).isEqualTo(REVIEW_DUE));
  }
}
