package gov.ice.registry.agreement.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A fact that an agreement executed outside the registry was registered with its signatures and
 * last review, and the office's own reference for it. Events stored before
 * {@code externalReference} existed read with it null.
 */
@Revision("1")
public record ExecutedAgreementImported(AgreementId agreementId, AgreementProfile profile, Scope scope, List<RequiredStakeholder> requiredStakeholders, List<SignatureRecord> signatures, LocalDate executedOn, LocalDate lastReviewedOn, LocalDate nextReviewDue, String externalReference) implements AgreementEvent {

  public ExecutedAgreementImported(AgreementId agreementId, AgreementProfile profile, Scope scope, List<RequiredStakeholder> requiredStakeholders, List<SignatureRecord> signatures, LocalDate executedOn, LocalDate lastReviewedOn, LocalDate nextReviewDue) {
    this(agreementId, profile, scope, requiredStakeholders, signatures, executedOn, lastReviewedOn, nextReviewDue, null);
  }
}
