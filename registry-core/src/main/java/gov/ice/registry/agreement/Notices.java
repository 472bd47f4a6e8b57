package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ExigentDeadlineMissedNoticeIssued;
import gov.ice.registry.agreement.api.ExigentTransfer;
import gov.ice.registry.agreement.api.IssueExigentDeadlineNotice;
import gov.ice.registry.agreement.api.IssueReminder;
import gov.ice.registry.agreement.api.IssueReviewDueNotice;
import gov.ice.registry.agreement.api.ReminderIssued;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.calendar.BusinessDays;
import java.time.LocalDate;
import java.util.Arrays;
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
  /** The handbook asks Key Stakeholders to review "concurrently and timely": a step that waits too long is reminded. */
  private static final List<RuleId> REMINDER = List.of(RuleId.of("REMINDER"));

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

  /**
   * A reminder for a step still open on the current draft version, once it has waited the given
   * business days (weekends and observed federal holidays excluded) since the day the job names.
   */
  static Decided reminder(AgreementState state, IssueReminder command) {
    if (command.step() == null || command.holder() == null || command.afterBusinessDays() < 1 || command.waitingSince() == null
        || command.asOf() == null) {
      throw AgreementRefused.under(RefusalCode.PROFILE_INVALID,
          "a reminder names its step, holder, draft version, the day the wait began and a threshold of at least one business day",
          REMINDER);
    }
    if (!stillOpen(state, command) || businessDaysBetween(command.waitingSince(), command.asOf()) < command.afterBusinessDays()) {
      throw AgreementRefused.under(RefusalCode.NOT_DUE, "no reminder is due to " + command.holder() + " for " + command.step()
          + " after " + command.afterBusinessDays() + " business days", REMINDER);
    }
    Decided decided = new Decided(state);
    if (state.noticeIssued(command.key())) {
      return decided;
    }
    return decided.record(new ReminderIssued(command.agreementId(), command.step(), command.holder(), command.draftVersion(),
        command.waitingSince(), command.afterBusinessDays(), command.asOf()));
  }

  private static boolean stillOpen(AgreementState state, IssueReminder command) {
    if (!state.exists() || command.draftVersion() != state.draftVersion()) {
      return false;
    }
    return switch (command.step()) {
      case CLEARANCE -> "IGP".equals(command.holder()) && state.status() == AgreementStatus.IN_CLEARANCE && !state.igpCleared();
      case SIGNATURE -> state.status() == AgreementStatus.CLEARED && state.authoritiesStillToSign().stream()
          .anyMatch(a -> a.name().equals(command.holder()));
      case CONCURRENCE -> {
        StakeholderOffice office = Arrays.stream(StakeholderOffice.values())
            .filter(o -> o.name().equals(command.holder())).findFirst().orElse(null);
        if (office == null) {
          yield false;
        }
        if (state.status() == AgreementStatus.DRAFT) {
          yield state.concurrencesStillNeeded().stream().anyMatch(s -> s.office() == office)
              && !state.standingNonConcurrences().contains(office);
        }
        yield state.status() == AgreementStatus.ACTIVE && state.pendingAmendment()
            .map(a -> a.pendingStakeholders().stream().anyMatch(s -> s.office() == office))
            .orElse(false) && !state.concurredOn(office, state.draftVersion());
      }
    };
  }

  /** Business days after {@code from} up to and including {@code to}. */
  private static int businessDaysBetween(LocalDate from, LocalDate to) {
    int days = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (BusinessDays.isBusinessDay(d)) {
        days++;
      }
    }
    return days;
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
