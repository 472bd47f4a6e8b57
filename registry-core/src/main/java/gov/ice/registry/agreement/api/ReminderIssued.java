package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A fact that a reminder was issued to an office, IGP or an authority for a step that had waited a number of business days. */
@Revision("1")
public record ReminderIssued(AgreementId agreementId, ReminderStep step, String holder, int draftVersion, LocalDate waitingSince,
    int afterBusinessDays, LocalDate issuedOn) implements AgreementEvent {

  /** The reminder recorded. */
  public NoticeKey.Reminder key() {
    return new NoticeKey.Reminder(step, holder, draftVersion, afterBusinessDays);
  }
}
