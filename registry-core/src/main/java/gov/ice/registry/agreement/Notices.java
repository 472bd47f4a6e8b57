package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ExigentDeadlineMissedNoticeIssued;
import gov.ice.registry.agreement.api.ExigentTransfer;
import gov.ice.registry.agreement.api.IssueExigentDeadlineNotice;
import gov.ice.registry.agreement.api.IssueReviewDueNotice;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.ReviewDueNoticeIssued;
import java.util.List;

/**
 * Notices the scheduled job asks for: each is recorded once, and only when it is due, so a rerun
 * or a second scheduler records nothing new.
 */
final class Notices {

  private static final List<RuleId> REVIEW_NOTICE = List.of(ReviewNotice.RULE);

  private Notices() {}

  static Decided reviewDue(AgreementState state, IssueReviewDueNotice command) {
    if (!ReviewNotice.isThreshold(command.daysBeforeDue())) {
      throw AgreementRefused.under(RefusalCode.PROFILE_INVALID,
          "review notices go out 90, 30 and 0 days before the due date, then every 30 days overdue", REVIEW_NOTICE);
    }
    if (state.status() != AgreementStatus.ACTIVE || command.dueOn() == null || !command.dueOn().equals(state.nextReviewDue())
        || command.asOf() == null || command.asOf().isBefore(command.dueOn().minusDays(command.daysBeforeDue()))) {
      throw AgreementRefused.under(RefusalCode.NOT_DUE, "no review notice is due for " + command.dueOn() + " at "
          + command.daysBeforeDue() + " days", REVIEW_NOTICE);
    }
    Decided decided = new Decided(state);
    if (state.noticeIssued(command.key())) {
      return decided;
    }
    return decided.record(new ReviewDueNoticeIssued(command.agreementId(), command.dueOn(), command.daysBeforeDue(), command.asOf()));
  }

  static Decided exigentDeadlineMissed(AgreementState state, IssueExigentDeadlineNotice command) {
    ExigentTransfer transfer = state.exigentTransferOn(command.transferredOn()).orElseThrow(() ->
        AgreementRefused.under(RefusalCode.NOT_DUE, "no exigent transfer on " + command.transferredOn(), ExigentMemorialization.RULES));
    if (!ExigentMemorialization.missed(transfer, state.executedOn(), command.asOf())) {
      throw AgreementRefused.under(RefusalCode.NOT_DUE,
          "the memorialization deadline " + transfer.memorializationDeadline() + " has not been missed", ExigentMemorialization.RULES);
    }
    Decided decided = new Decided(state);
    if (state.noticeIssued(command.key())) {
      return decided;
    }
    return decided.record(new ExigentDeadlineMissedNoticeIssued(command.agreementId(), command.transferredOn(),
        transfer.memorializationDeadline(), command.asOf()));
  }
}
