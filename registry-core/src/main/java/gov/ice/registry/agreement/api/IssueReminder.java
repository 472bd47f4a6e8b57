package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Remind {@code holder} (an office, {@code IGP}, or an authority) that a step of the draft version
 * has waited since {@code waitingSince} for at least {@code afterBusinessDays} business days; the
 * same reminder is recorded once.
 */
public record IssueReminder(@TargetAggregateIdentifier AgreementId agreementId, ReminderStep step, String holder, int draftVersion,
    LocalDate waitingSince, int afterBusinessDays, LocalDate asOf) {

  /** The reminder this asks for. */
  public NoticeKey.Reminder key() {
    return new NoticeKey.Reminder(step, holder, draftVersion, afterBusinessDays);
  }
}
