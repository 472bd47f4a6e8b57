package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A fact that a review-due notice was issued for one due date and threshold. */
@Revision("1")
public record ReviewDueNoticeIssued(AgreementId agreementId, LocalDate dueOn, int daysBeforeDue, LocalDate issuedOn) implements AgreementEvent {

  /** The notice recorded. */
  public NoticeKey.Review key() {
    return new NoticeKey.Review(dueOn, daysBeforeDue);
  }
}
