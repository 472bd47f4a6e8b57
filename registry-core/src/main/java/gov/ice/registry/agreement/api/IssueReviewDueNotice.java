package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a review-due notice for a due date and threshold; the same notice is recorded once. */
public record IssueReviewDueNotice(@TargetAggregateIdentifier AgreementId agreementId, LocalDate dueOn, int daysBeforeDue, LocalDate asOf) {

  /** The notice this asks for. */
  public NoticeKey.Review key() {
    return new NoticeKey.Review(dueOn, daysBeforeDue);
  }
}
